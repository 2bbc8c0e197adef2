/**
 * Versioned schema migrations for PhoenixKit Integrations.
 *
 * <p>{@link dev.phoenixkit.migrations.Migrator} brings a PostgreSQL schema to PhoenixKit's schema version
 * ({@link dev.phoenixkit.migrations.Migrator#LATEST}) with the integration-relevant subset of PhoenixKit's own
 * migration chain, then applies this library's own steps (the "library track"). The version is recorded exactly
 * as PhoenixKit records it (a comment on the {@code phoenix_kit} table), so a database migrated by PhoenixKit
 * itself is recognised and left alone. Everything outside this package's {@code internal} subpackage is API.
 *
 * <h2>Adding a migration step (the recipe)</h2>
 * <ol>
 *   <li>Write the up script as a classpath resource: a PhoenixKit-chain step is
 *       {@code dev/phoenixkit/migrations/phoenix_kit/V<n>__<description>.sql} ({@code n} is PhoenixKit's own
 *       version number, the SQL exactly as PhoenixKit's migration has it); a step of the library's own tables is
 *       {@code dev/phoenixkit/migrations/library/L<n>__<description>.sql}. Start the script with
 *       {@code -- phoenixkit:no-transaction} when it must run outside a transaction ({@code CREATE INDEX
 *       CONCURRENTLY}).</li>
 *   <li>Write the down script of the same name under {@code down/}, and, when undoing the step can lose data or
 *       fail on existing rows, a read-only pre-check of the same name under {@code down/check/} that raises
 *       SQLSTATE {@code PKR01} with a message naming the rows and the remedy.</li>
 *   <li>List the file name in {@code internal.StepCatalog} ({@code SHIPPED_CHAIN} or {@code SHIPPED_LIBRARY}),
 *       in version order.</li>
 *   <li>A chain step beyond the current default: raise {@link dev.phoenixkit.migrations.Migrator#LATEST} only if
 *       {@code migrate()} should now end there; otherwise it is reached with an explicit target.</li>
 * </ol>
 * Nothing else: step counts in the tests are derived from the catalog ({@code TestSteps.defaultStepCount()}), the
 * checksum history and the rollback order follow from the files. Add a test of the new step's schema and data in
 * {@code migrations/src/test} (plain JDBC against the embedded server, like {@code V107MigrationTest}) and extend
 * {@code SchemaShapeTest} with what it adds.
 */
package dev.phoenixkit.migrations;
