/**
 * The stateless OAuth2 protocol layer (authorization URL, PKCE, code exchange, refresh, userinfo) and credential
 * validation. Not API: may change without notice.
 */
package dev.phoenixkit.integrations.internal.protocol;
