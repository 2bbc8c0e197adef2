-- PhoenixKit V106 down. Pre-check first: the global UNIQUE (lower(name)) index cannot be restored while two
-- rows share a lowercase name, so refuse (SQLSTATE PKR01, reported as ROLLBACK_REFUSED) before dropping anything.
DO $do$
DECLARE
  duplicate text;
BEGIN
  SELECT lower(name) INTO duplicate
    FROM ${schema}.phoenix_kit_projects
   GROUP BY lower(name)
  HAVING count(*) > 1
   LIMIT 1;

  IF duplicate IS NOT NULL THEN
    RAISE EXCEPTION 'Cannot roll back V106: name "%" exists in more than one row of phoenix_kit_projects (e.g. a template and a project); delete or rename one of them, then roll back again', duplicate
      USING ERRCODE = 'PKR01';
  END IF;
END
$do$;

DROP INDEX IF EXISTS ${schema}.phoenix_kit_projects_name_project_index;
DROP INDEX IF EXISTS ${schema}.phoenix_kit_projects_name_template_index;

CREATE UNIQUE INDEX IF NOT EXISTS phoenix_kit_projects_name_index ON ${schema}.phoenix_kit_projects (lower(name));

COMMENT ON TABLE ${schema}.phoenix_kit IS '105';
