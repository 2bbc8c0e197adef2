-- PhoenixKit V101 down.
DROP TABLE IF EXISTS ${schema}.phoenix_kit_projects;

COMMENT ON TABLE ${schema}.phoenix_kit IS '100';
