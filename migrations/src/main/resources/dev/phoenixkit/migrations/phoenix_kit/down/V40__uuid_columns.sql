-- PhoenixKit V40 down. uuid_generate_v7() is kept: other tables of the host may use it as a default.
DROP INDEX IF EXISTS ${schema}.phoenix_kit_settings_uuid_idx;

ALTER TABLE ${schema}.phoenix_kit_settings DROP COLUMN IF EXISTS uuid;

COMMENT ON TABLE ${schema}.phoenix_kit IS '39';
