-- PhoenixKit V107: pin AI endpoints to integration connections.
ALTER TABLE ${schema}.phoenix_kit_ai_endpoints ADD COLUMN IF NOT EXISTS integration_uuid uuid;

-- Backfill 1: a provider of the form 'provider:name' is an exact storage key.
UPDATE ${schema}.phoenix_kit_ai_endpoints AS e
   SET integration_uuid = s.uuid
  FROM ${schema}.phoenix_kit_settings AS s
 WHERE e.integration_uuid IS NULL
   AND strpos(e.provider, ':') > 0
   AND s.key = 'integration:' || e.provider;

-- Backfill 2: a bare provider takes that provider's most recently validated connection (text order of the ISO
-- timestamp, NULLs last), then the lowest uuid. Legacy 'integration:<provider>' keys are not candidates.
-- The winners (one per provider) are computed once, in a MATERIALIZED CTE: the planner estimates
-- strpos(e.provider, ':') = 0 at 0.5 % of the rows, and with the ranking inlined as a subquery it chose a nested
-- loop that re-ran the window over every settings row once per endpoint (10k endpoints: 15 s instead of 0.2 s).
WITH best AS MATERIALIZED (
  SELECT ranked.uuid, ranked.provider_key
    FROM (SELECT s.uuid,
                 split_part(s.key, ':', 2) AS provider_key,
                 row_number() OVER (PARTITION BY split_part(s.key, ':', 2)
                                    ORDER BY (s.value_json ->> 'last_validated_at') DESC NULLS LAST, s.uuid ASC) AS rank
            FROM ${schema}.phoenix_kit_settings AS s
           WHERE s.key LIKE 'integration:%:%') AS ranked
   WHERE ranked.rank = 1)
UPDATE ${schema}.phoenix_kit_ai_endpoints AS e
   SET integration_uuid = best.uuid
  FROM best
 WHERE e.integration_uuid IS NULL
   AND strpos(e.provider, ':') = 0
   AND best.provider_key = e.provider;

-- Built after the backfill (PhoenixKit creates it before): one bulk build instead of an index insertion per
-- updated row, about a quarter of the step's time at 1M endpoints; the committed end state is the same.
CREATE INDEX IF NOT EXISTS phoenix_kit_ai_endpoints_integration_uuid_index
  ON ${schema}.phoenix_kit_ai_endpoints (integration_uuid);

CREATE UNIQUE INDEX IF NOT EXISTS phoenix_kit_ai_endpoints_name_index
  ON ${schema}.phoenix_kit_ai_endpoints (lower(name));

COMMENT ON TABLE ${schema}.phoenix_kit IS '107';
