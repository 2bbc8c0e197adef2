/**
 * Implementation of the fake provider server. Not API: may change without notice.
 */
package dev.phoenixkit.testkit.fake.internal;
