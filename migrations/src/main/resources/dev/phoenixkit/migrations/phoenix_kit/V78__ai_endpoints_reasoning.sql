-- PhoenixKit V78 (idempotent): reasoning columns on phoenix_kit_ai_endpoints.
ALTER TABLE ${schema}.phoenix_kit_ai_endpoints ADD COLUMN IF NOT EXISTS reasoning_enabled boolean;
ALTER TABLE ${schema}.phoenix_kit_ai_endpoints ADD COLUMN IF NOT EXISTS reasoning_effort varchar(20);
ALTER TABLE ${schema}.phoenix_kit_ai_endpoints ADD COLUMN IF NOT EXISTS reasoning_max_tokens integer;
ALTER TABLE ${schema}.phoenix_kit_ai_endpoints ADD COLUMN IF NOT EXISTS reasoning_exclude boolean;

COMMENT ON TABLE ${schema}.phoenix_kit IS '78';
