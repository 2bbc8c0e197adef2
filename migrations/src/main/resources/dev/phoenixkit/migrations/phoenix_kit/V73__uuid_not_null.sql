-- PhoenixKit V73: uuid NOT NULL on phoenix_kit_ai_endpoints (already enforced by V56 here; kept idempotent).
ALTER TABLE ${schema}.phoenix_kit_ai_endpoints ALTER COLUMN uuid SET NOT NULL;

COMMENT ON TABLE ${schema}.phoenix_kit IS '73';
