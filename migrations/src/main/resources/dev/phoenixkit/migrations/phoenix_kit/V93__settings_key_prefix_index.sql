-- PhoenixKit V93: prefix index for the integration key queries (LIKE 'integration:google:%').
CREATE INDEX IF NOT EXISTS phoenix_kit_settings_key_prefix_idx
  ON ${schema}.phoenix_kit_settings (key text_pattern_ops);

COMMENT ON TABLE ${schema}.phoenix_kit IS '93';
