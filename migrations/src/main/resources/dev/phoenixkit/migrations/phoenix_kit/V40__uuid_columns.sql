-- PhoenixKit V40: uuid_generate_v7() (pgcrypto) and the uuid column of phoenix_kit_settings.
-- The function is created in the target schema and called schema-qualified. Its body calls pgcrypto's
-- gen_random_bytes qualified with the schema pgcrypto is installed in, so it works whatever search_path the
-- caller has. PhoenixKit's V40 also covers 32 other tables; of those this library ships only
-- phoenix_kit_ai_endpoints, which (as on a fresh PhoenixKit install) gets its uuid column in V56.
CREATE EXTENSION IF NOT EXISTS pgcrypto;

DO $do$
DECLARE
  crypto_schema name;
BEGIN
  SELECT n.nspname INTO crypto_schema
    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
   WHERE e.extname = 'pgcrypto';

  EXECUTE format($fn$
    CREATE OR REPLACE FUNCTION %1$I.uuid_generate_v7() RETURNS uuid
    LANGUAGE plpgsql VOLATILE AS $body$
    DECLARE
      uuid_bytes bytea;
    BEGIN
      uuid_bytes := substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
                    || %2$I.gen_random_bytes(10);
      uuid_bytes := set_byte(uuid_bytes, 6, (get_byte(uuid_bytes, 6) & 15) | 112);
      uuid_bytes := set_byte(uuid_bytes, 8, (get_byte(uuid_bytes, 8) & 63) | 128);
      RETURN encode(uuid_bytes, 'hex')::uuid;
    END
    $body$
  $fn$, ${schema_literal}::text, crypto_schema);
END
$do$;

ALTER TABLE ${schema}.phoenix_kit_settings ADD COLUMN IF NOT EXISTS uuid uuid DEFAULT ${schema}.uuid_generate_v7();

UPDATE ${schema}.phoenix_kit_settings SET uuid = ${schema}.uuid_generate_v7() WHERE uuid IS NULL;

CREATE UNIQUE INDEX IF NOT EXISTS phoenix_kit_settings_uuid_idx ON ${schema}.phoenix_kit_settings (uuid);

ALTER TABLE ${schema}.phoenix_kit_settings ALTER COLUMN uuid SET NOT NULL;

COMMENT ON TABLE ${schema}.phoenix_kit IS '40';
