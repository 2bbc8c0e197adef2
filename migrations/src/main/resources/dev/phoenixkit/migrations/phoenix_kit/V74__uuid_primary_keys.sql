-- PhoenixKit V74: drop the integer id and make uuid the primary key.
ALTER TABLE ${schema}.phoenix_kit_settings DROP COLUMN IF EXISTS id;
ALTER TABLE ${schema}.phoenix_kit_settings ADD CONSTRAINT phoenix_kit_settings_pkey PRIMARY KEY (uuid);

ALTER TABLE ${schema}.phoenix_kit_ai_endpoints DROP COLUMN IF EXISTS id;
ALTER TABLE ${schema}.phoenix_kit_ai_endpoints ADD CONSTRAINT phoenix_kit_ai_endpoints_pkey PRIMARY KEY (uuid);

COMMENT ON TABLE ${schema}.phoenix_kit IS '74';
