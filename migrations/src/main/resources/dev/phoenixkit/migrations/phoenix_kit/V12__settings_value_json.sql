-- PhoenixKit V12: settings.value_json (jsonb) and a nullable value.
ALTER TABLE ${schema}.phoenix_kit_settings ADD COLUMN IF NOT EXISTS value_json jsonb;

ALTER TABLE ${schema}.phoenix_kit_settings ALTER COLUMN value DROP NOT NULL;

COMMENT ON COLUMN ${schema}.phoenix_kit_settings.value IS 'Plain string value; NULL when value_json is used';
COMMENT ON COLUMN ${schema}.phoenix_kit_settings.value_json IS 'JSON value for structured settings; takes precedence over value';

COMMENT ON TABLE ${schema}.phoenix_kit IS '12';
