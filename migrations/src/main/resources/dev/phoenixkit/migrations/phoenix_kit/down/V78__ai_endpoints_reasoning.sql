-- PhoenixKit V78 down.
ALTER TABLE ${schema}.phoenix_kit_ai_endpoints DROP COLUMN IF EXISTS reasoning_exclude;
ALTER TABLE ${schema}.phoenix_kit_ai_endpoints DROP COLUMN IF EXISTS reasoning_max_tokens;
ALTER TABLE ${schema}.phoenix_kit_ai_endpoints DROP COLUMN IF EXISTS reasoning_effort;
ALTER TABLE ${schema}.phoenix_kit_ai_endpoints DROP COLUMN IF EXISTS reasoning_enabled;

COMMENT ON TABLE ${schema}.phoenix_kit IS '77';
