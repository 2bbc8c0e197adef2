-- PhoenixKit V114: integration rows are keyed by their uuid (v114.ex before the squash, af86e3af^).
-- Every 'integration:<provider>[:<name>]' row gets key = uuid::text and module = 'integrations'; provider and
-- name move into value_json (a non-empty JSON provider/name wins over the key's; a legacy bare key gets the name
-- 'default'). Idempotent: rows already keyed by uuid do not match the WHERE.
-- Not part of migrate()'s default target (107): run migrate(114) to move a database to the uuid-key layout.
UPDATE ${schema}.phoenix_kit_settings AS s
   SET key = s.uuid::text,
       module = 'integrations',
       value_json = COALESCE(s.value_json, '{}'::jsonb)
                    || jsonb_build_object(
                         'provider', COALESCE(NULLIF(s.value_json->>'provider',''),
                                              split_part(substring(s.key from 13), ':', 1)),
                         'name',     COALESCE(NULLIF(s.value_json->>'name',''),
                                              NULLIF(split_part(substring(s.key from 13), ':', 2),''),
                                              'default'))
 WHERE s.key LIKE 'integration:%';

COMMENT ON TABLE ${schema}.phoenix_kit IS '114';
