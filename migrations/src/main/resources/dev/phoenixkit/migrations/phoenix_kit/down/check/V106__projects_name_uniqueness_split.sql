-- PhoenixKit V106 rollback pre-check (read-only). The global UNIQUE (lower(name)) index cannot be restored while
-- two rows share a lowercase name, so refuse (SQLSTATE PKR01, reported as ROLLBACK_REFUSED). The runner runs this
-- before it undoes any step of a rollback that will undo V106, and again inside V106's down transaction.
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
