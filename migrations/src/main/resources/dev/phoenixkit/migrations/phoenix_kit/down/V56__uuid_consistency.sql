-- PhoenixKit V56 down.
DROP INDEX IF EXISTS ${schema}."${index_prefix}phoenix_kit_ai_endpoints_uuid_idx";

ALTER TABLE ${schema}.phoenix_kit_ai_endpoints DROP COLUMN IF EXISTS uuid;

COMMENT ON TABLE ${schema}.phoenix_kit IS '55';
