-- PhoenixKit V106 down. Its pre-check (down/check/V106__projects_name_uniqueness_split.sql) runs first, in the
-- same transaction, and refuses while two rows share a lowercase name.
DROP INDEX IF EXISTS ${schema}.phoenix_kit_projects_name_project_index;
DROP INDEX IF EXISTS ${schema}.phoenix_kit_projects_name_template_index;

CREATE UNIQUE INDEX IF NOT EXISTS phoenix_kit_projects_name_index ON ${schema}.phoenix_kit_projects (lower(name));

COMMENT ON TABLE ${schema}.phoenix_kit IS '105';
