-- PhoenixKit V04 down.
ALTER TABLE ${schema}.phoenix_kit_settings DROP COLUMN IF EXISTS module;

COMMENT ON TABLE ${schema}.phoenix_kit IS '3';
