/**
 * The library's own {@code Jdbi} ({@link dev.phoenixkit.integrations.internal.db.Database}), the JDBI SQL Object
 * DAOs and, as a measured exception, the two hot single-row reads in plain JDBC
 * ({@link dev.phoenixkit.integrations.internal.db.SettingsReads}, see {@code docs/decisions/}). Not API: may change
 * without notice. Most SQL of the core module lives here; the refresh advisory lock's DAO sits with the refresher in
 * {@code internal.flow}.
 */
package dev.phoenixkit.integrations.internal.db;
