-- PhoenixKit V34: AI endpoints.
-- Timestamps are timestamptz directly (PhoenixKit's V58, not shipped here, converted them; same end state).
-- Not ported: the phoenix_kit_ai_requests changes (endpoint_id/endpoint_name, its index and FK), because this
-- library does not ship phoenix_kit_ai_requests.
CREATE TABLE IF NOT EXISTS ${schema}.phoenix_kit_ai_endpoints (
  id bigserial PRIMARY KEY,
  name varchar(100) NOT NULL,
  description varchar(500),
  provider varchar(50) NOT NULL DEFAULT 'openrouter',
  api_key text NOT NULL,
  base_url varchar(255),
  provider_settings jsonb DEFAULT '{}'::jsonb,
  model varchar(150) NOT NULL,
  temperature double precision DEFAULT 0.7,
  max_tokens integer,
  top_p double precision,
  top_k integer,
  frequency_penalty double precision,
  presence_penalty double precision,
  repetition_penalty double precision,
  stop varchar(255)[],
  seed integer,
  image_size varchar(20),
  image_quality varchar(20),
  dimensions integer,
  enabled boolean NOT NULL DEFAULT true,
  sort_order integer NOT NULL DEFAULT 0,
  last_validated_at timestamptz,
  inserted_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE INDEX IF NOT EXISTS phoenix_kit_ai_endpoints_enabled_idx ON ${schema}.phoenix_kit_ai_endpoints (enabled);
CREATE INDEX IF NOT EXISTS phoenix_kit_ai_endpoints_sort_order_idx ON ${schema}.phoenix_kit_ai_endpoints (sort_order);

DELETE FROM ${schema}.phoenix_kit_settings
 WHERE key IN ('ai_text_processing_slots', 'ai_vision_processing_slots', 'ai_image_gen_slots', 'ai_embeddings_slots');

COMMENT ON TABLE ${schema}.phoenix_kit IS '34';
