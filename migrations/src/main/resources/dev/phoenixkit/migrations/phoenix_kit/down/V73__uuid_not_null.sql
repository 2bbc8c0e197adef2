-- PhoenixKit V73 down: only the marker; V56 already made the column NOT NULL.
COMMENT ON TABLE ${schema}.phoenix_kit IS '72';
