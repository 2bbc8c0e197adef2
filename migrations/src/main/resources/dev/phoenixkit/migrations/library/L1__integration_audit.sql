-- Library track L1: the append-only integration audit table used by the core module.
-- Recorded only in phoenix_kit_java_schema_history; never touches the phoenix_kit version marker.
-- Deliberately independent of uuid_generate_v7(): the id is an identity column.
CREATE TABLE IF NOT EXISTS ${schema}.phoenix_kit_integration_audit (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  action varchar(64) NOT NULL,
  integration_uuid uuid NULL,
  provider varchar(255) NULL,
  name varchar(255) NULL,
  actor_uuid uuid NULL,
  mode varchar(8) NOT NULL DEFAULT 'manual' CHECK (mode IN ('manual', 'auto')),
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  occurred_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS phoenix_kit_integration_audit_integration_uuid_idx
  ON ${schema}.phoenix_kit_integration_audit (integration_uuid, occurred_at);

CREATE INDEX IF NOT EXISTS phoenix_kit_integration_audit_occurred_at_idx
  ON ${schema}.phoenix_kit_integration_audit (occurred_at);

CREATE OR REPLACE FUNCTION ${schema}.phoenix_kit_integration_audit_append_only() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'phoenix_kit_integration_audit is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$fn$;

DROP TRIGGER IF EXISTS phoenix_kit_integration_audit_no_update_delete ON ${schema}.phoenix_kit_integration_audit;
CREATE TRIGGER phoenix_kit_integration_audit_no_update_delete
  BEFORE UPDATE OR DELETE ON ${schema}.phoenix_kit_integration_audit
  FOR EACH ROW EXECUTE FUNCTION ${schema}.phoenix_kit_integration_audit_append_only();

DROP TRIGGER IF EXISTS phoenix_kit_integration_audit_no_truncate ON ${schema}.phoenix_kit_integration_audit;
CREATE TRIGGER phoenix_kit_integration_audit_no_truncate
  BEFORE TRUNCATE ON ${schema}.phoenix_kit_integration_audit
  FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.phoenix_kit_integration_audit_append_only();
