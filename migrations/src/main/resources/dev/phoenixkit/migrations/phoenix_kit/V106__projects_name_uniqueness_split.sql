-- PhoenixKit V106: project names are unique per mode (templates vs. real projects), case-insensitively.
DROP INDEX IF EXISTS ${schema}.phoenix_kit_projects_name_index;

CREATE UNIQUE INDEX IF NOT EXISTS phoenix_kit_projects_name_template_index
  ON ${schema}.phoenix_kit_projects (lower(name)) WHERE is_template = true;

CREATE UNIQUE INDEX IF NOT EXISTS phoenix_kit_projects_name_project_index
  ON ${schema}.phoenix_kit_projects (lower(name)) WHERE is_template = false;

COMMENT ON TABLE ${schema}.phoenix_kit IS '106';
