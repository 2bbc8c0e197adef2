-- Test-only chain step that fails after a successful statement: the whole step must roll back.
CREATE TABLE ${schema}.created_by_failing_step (id integer);
INSERT INTO ${schema}.table_that_does_not_exist VALUES (1);
