-- Test-only library step: deliberately not idempotent, so a second run would fail and be noticed.
CREATE TABLE ${schema}.library_probe (ran_at timestamptz NOT NULL DEFAULT clock_timestamp());
INSERT INTO ${schema}.library_probe DEFAULT VALUES;
