-- PhoenixKit V114 down (v114.ex before the squash): composite keys rebuilt from value_json's provider and name.
-- Rows sharing a provider and name keep one key each: the oldest (date_added, then uuid) gets
-- 'integration:<provider>:<name>', later ones '<name>-<8 hex characters of the uuid's random tail>'.
-- value_json keeps the provider and name the up step wrote; a row without a JSON provider makes the step fail
-- (key NOT NULL), and its transaction is rolled back entirely.
WITH ordered AS (
  SELECT
    s.uuid,
    s.value_json->>'provider' AS provider,
    s.value_json->>'name'     AS name,
    ROW_NUMBER() OVER (
      PARTITION BY s.value_json->>'provider', s.value_json->>'name'
      ORDER BY s.date_added NULLS LAST, s.uuid
    ) AS rn
  FROM ${schema}.phoenix_kit_settings s
  WHERE s.module = 'integrations'
    AND s.key = s.uuid::text
)
UPDATE ${schema}.phoenix_kit_settings AS s
   SET key = 'integration:' || o.provider || ':' ||
             CASE
               WHEN o.rn = 1 THEN o.name
               ELSE o.name || '-' || substring(s.uuid::text from 25 for 8)
             END
  FROM ordered o
 WHERE s.uuid = o.uuid;

COMMENT ON TABLE ${schema}.phoenix_kit IS '113';
