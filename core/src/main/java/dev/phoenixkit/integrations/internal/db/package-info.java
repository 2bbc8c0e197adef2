/**
 * JDBI SQL Object DAOs and the library's own {@code Jdbi} ({@link dev.phoenixkit.integrations.internal.db.Database}).
 * Not API: may change without notice. All SQL of the core module lives in the DAO interfaces of this package.
 */
package dev.phoenixkit.integrations.internal.db;
