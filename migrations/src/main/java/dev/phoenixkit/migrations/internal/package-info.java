/**
 * Implementation of the migration runner. <strong>Not API:</strong> types in this package may change or
 * disappear in any release without notice; use {@link dev.phoenixkit.migrations.Migrator} instead.
 */
package dev.phoenixkit.migrations.internal;
