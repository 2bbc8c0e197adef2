-- PhoenixKit V101: phoenix_kit_projects (needed by V106). PhoenixKit's V101 also creates the project tasks,
-- assignments and dependency tables; they are not shipped here.
CREATE TABLE IF NOT EXISTS ${schema}.phoenix_kit_projects (
  uuid uuid PRIMARY KEY DEFAULT ${schema}.uuid_generate_v7(),
  name varchar(255) NOT NULL,
  description text,
  status varchar(20) NOT NULL DEFAULT 'active',
  is_template boolean NOT NULL DEFAULT false,
  counts_weekends boolean NOT NULL DEFAULT false,
  start_mode varchar(20) NOT NULL DEFAULT 'immediate',
  scheduled_start_date date,
  started_at timestamptz,
  completed_at timestamptz,
  inserted_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX IF NOT EXISTS phoenix_kit_projects_name_index ON ${schema}.phoenix_kit_projects (lower(name));
CREATE INDEX IF NOT EXISTS phoenix_kit_projects_status_index ON ${schema}.phoenix_kit_projects (status);

COMMENT ON TABLE ${schema}.phoenix_kit IS '101';
