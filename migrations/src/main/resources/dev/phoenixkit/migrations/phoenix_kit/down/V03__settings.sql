-- PhoenixKit V03 down.
DROP TABLE IF EXISTS ${schema}.phoenix_kit_settings;

COMMENT ON TABLE ${schema}.phoenix_kit IS '2';
