/**
 * A fake provider server for tests: {@link dev.phoenixkit.testkit.fake.FakeProviderServer} speaks the built-in
 * providers' API-key validation endpoints and is an OAuth2 authorization server (authorize with PKCE, token with
 * refresh and rotation, Google- and Microsoft-Graph-shaped userinfo), on loopback, with switches for failures
 * ({@link dev.phoenixkit.testkit.fake.Fault}) and a request log
 * ({@link dev.phoenixkit.testkit.fake.RecordedRequest}).
 */
package dev.phoenixkit.testkit.fake;
