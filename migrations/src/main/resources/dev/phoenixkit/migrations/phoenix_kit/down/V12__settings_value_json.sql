-- PhoenixKit V12 down (lossy): rows that only carry value_json have nothing left once it is dropped,
-- so they are deleted before value becomes NOT NULL again.
DELETE FROM ${schema}.phoenix_kit_settings WHERE value IS NULL;

ALTER TABLE ${schema}.phoenix_kit_settings DROP COLUMN IF EXISTS value_json;

ALTER TABLE ${schema}.phoenix_kit_settings ALTER COLUMN value SET NOT NULL;

COMMENT ON COLUMN ${schema}.phoenix_kit_settings.value IS NULL;

COMMENT ON TABLE ${schema}.phoenix_kit IS '11';
