-- PhoenixKit V93 down.
DROP INDEX IF EXISTS ${schema}.phoenix_kit_settings_key_prefix_idx;

COMMENT ON TABLE ${schema}.phoenix_kit IS '92';
