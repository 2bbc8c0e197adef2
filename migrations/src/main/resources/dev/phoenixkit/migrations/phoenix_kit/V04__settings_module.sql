-- PhoenixKit V04: settings.module.
ALTER TABLE ${schema}.phoenix_kit_settings ADD COLUMN IF NOT EXISTS module varchar(255);

UPDATE ${schema}.phoenix_kit_settings
   SET module = 'system'
 WHERE key IN ('time_zone', 'date_format', 'time_format');

COMMENT ON TABLE ${schema}.phoenix_kit IS '4';
