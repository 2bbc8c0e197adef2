-- Test-only step: CREATE INDEX CONCURRENTLY without the no-transaction header must fail cleanly.
CREATE INDEX CONCURRENTLY IF NOT EXISTS test_settings_module_idx
  ON ${schema}.phoenix_kit_settings (module);
