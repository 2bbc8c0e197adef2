/**
 * Versioned schema migrations for PhoenixKit Integrations.
 *
 * <p>{@link dev.phoenixkit.migrations.Migrator} brings a PostgreSQL schema to PhoenixKit's schema version
 * ({@link dev.phoenixkit.migrations.Migrator#LATEST}) with the integration-relevant subset of PhoenixKit's own
 * migration chain, then applies this library's own steps (the "library track"). The version is recorded exactly
 * as PhoenixKit records it (a comment on the {@code phoenix_kit} table), so a database migrated by PhoenixKit
 * itself is recognised and left alone. Everything outside this package's {@code internal} subpackage is API.
 */
package dev.phoenixkit.migrations;
