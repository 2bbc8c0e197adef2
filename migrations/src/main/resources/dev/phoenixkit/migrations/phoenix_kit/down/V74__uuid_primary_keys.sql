-- PhoenixKit V74 down: the bigserial id comes back as the primary key (new values, in no particular order).
ALTER TABLE ${schema}.phoenix_kit_ai_endpoints DROP CONSTRAINT IF EXISTS phoenix_kit_ai_endpoints_pkey;
ALTER TABLE ${schema}.phoenix_kit_ai_endpoints ADD COLUMN id bigserial;
ALTER TABLE ${schema}.phoenix_kit_ai_endpoints ADD CONSTRAINT phoenix_kit_ai_endpoints_pkey PRIMARY KEY (id);

ALTER TABLE ${schema}.phoenix_kit_settings DROP CONSTRAINT IF EXISTS phoenix_kit_settings_pkey;
ALTER TABLE ${schema}.phoenix_kit_settings ADD COLUMN id bigserial;
ALTER TABLE ${schema}.phoenix_kit_settings ADD CONSTRAINT phoenix_kit_settings_pkey PRIMARY KEY (id);

COMMENT ON TABLE ${schema}.phoenix_kit IS '73';
