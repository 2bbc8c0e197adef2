-- Test-only step that cannot run in a transaction.
-- phoenixkit:no-transaction
CREATE INDEX CONCURRENTLY IF NOT EXISTS test_settings_date_added_idx
  ON ${schema}.phoenix_kit_settings (date_added);
CREATE INDEX CONCURRENTLY IF NOT EXISTS test_settings_date_updated_idx
  ON ${schema}.phoenix_kit_settings (date_updated);
