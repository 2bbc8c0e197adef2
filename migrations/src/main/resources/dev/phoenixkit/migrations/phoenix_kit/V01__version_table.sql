-- PhoenixKit V01: the version table. Its table comment is the schema version marker.
-- The schema itself is created by the runner (CREATE SCHEMA IF NOT EXISTS) before this step.
CREATE EXTENSION IF NOT EXISTS citext;

CREATE TABLE IF NOT EXISTS ${schema}.phoenix_kit (
  id serial PRIMARY KEY,
  version integer NOT NULL,
  migrated_at timestamp(0) without time zone DEFAULT now()
);

CREATE UNIQUE INDEX IF NOT EXISTS phoenix_kit_version_index ON ${schema}.phoenix_kit (version);

COMMENT ON TABLE ${schema}.phoenix_kit IS '1';
