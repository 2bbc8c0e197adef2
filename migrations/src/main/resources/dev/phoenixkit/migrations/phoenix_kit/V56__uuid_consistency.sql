-- PhoenixKit V56: uuid column for phoenix_kit_ai_endpoints (which V40 missed on fresh installs).
-- The unique index is <table>_uuid_idx in public and <prefix>_<table>_uuid_idx in any other schema.
-- The other five tables of PhoenixKit's V56 and its _uuid FK companion columns are not shipped here.
ALTER TABLE ${schema}.phoenix_kit_ai_endpoints ADD COLUMN IF NOT EXISTS uuid uuid DEFAULT ${schema}.uuid_generate_v7();

ALTER TABLE ${schema}.phoenix_kit_ai_endpoints ALTER COLUMN uuid SET DEFAULT ${schema}.uuid_generate_v7();

UPDATE ${schema}.phoenix_kit_ai_endpoints SET uuid = ${schema}.uuid_generate_v7() WHERE uuid IS NULL;

CREATE UNIQUE INDEX IF NOT EXISTS "${index_prefix}phoenix_kit_ai_endpoints_uuid_idx"
  ON ${schema}.phoenix_kit_ai_endpoints (uuid);

ALTER TABLE ${schema}.phoenix_kit_ai_endpoints ALTER COLUMN uuid SET NOT NULL;

COMMENT ON TABLE ${schema}.phoenix_kit IS '56';
