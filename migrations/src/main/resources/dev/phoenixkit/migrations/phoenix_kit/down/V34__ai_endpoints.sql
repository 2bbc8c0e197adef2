-- PhoenixKit V34 down. (PhoenixKit also re-seeds a default ai_text_processing_slots setting; not ported.)
DROP TABLE IF EXISTS ${schema}.phoenix_kit_ai_endpoints;

COMMENT ON TABLE ${schema}.phoenix_kit IS '33';
