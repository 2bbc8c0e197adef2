-- Test-only chain step: deliberately not idempotent, so a second run would fail and be noticed.
CREATE TABLE ${schema}.chain_probe (ran_at timestamptz NOT NULL DEFAULT clock_timestamp());
INSERT INTO ${schema}.chain_probe DEFAULT VALUES;
