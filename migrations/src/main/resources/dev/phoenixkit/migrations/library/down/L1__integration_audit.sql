-- Library track L1 down: drops the audit table (and its rows) and the trigger function.
DROP TABLE IF EXISTS ${schema}.phoenix_kit_integration_audit;
DROP FUNCTION IF EXISTS ${schema}.phoenix_kit_integration_audit_append_only();
