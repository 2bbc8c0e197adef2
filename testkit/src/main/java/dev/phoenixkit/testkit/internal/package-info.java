/**
 * Implementation of the testkit's database support. Not API: may change without notice.
 */
package dev.phoenixkit.testkit.internal;
