-- PhoenixKit V01 down: drops the version table (version 0). The schema and the citext extension stay.
DROP TABLE IF EXISTS ${schema}.phoenix_kit;
