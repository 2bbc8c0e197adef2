-- the host's own table, in the host's own Flyway chain, next to PhoenixKit's tables in the same schema
CREATE TABLE notes (id bigserial PRIMARY KEY, body text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
