-- PhoenixKit V107 down (lossy: the pinned integration_uuid values are dropped).
DROP INDEX IF EXISTS ${schema}.phoenix_kit_ai_endpoints_name_index;
DROP INDEX IF EXISTS ${schema}.phoenix_kit_ai_endpoints_integration_uuid_index;

ALTER TABLE ${schema}.phoenix_kit_ai_endpoints DROP COLUMN IF EXISTS integration_uuid;

COMMENT ON TABLE ${schema}.phoenix_kit IS '106';
