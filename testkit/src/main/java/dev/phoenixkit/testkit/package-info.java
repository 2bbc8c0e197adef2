/**
 * What host applications use in their own tests: a real PostgreSQL per JVM ({@link dev.phoenixkit.testkit.PostgresServer}),
 * a throw-away migrated database per test ({@link dev.phoenixkit.testkit.TestDatabase}) and the JUnit 5 extension
 * ({@link dev.phoenixkit.testkit.PhoenixKitTest}) that injects them.
 */
package dev.phoenixkit.testkit;
