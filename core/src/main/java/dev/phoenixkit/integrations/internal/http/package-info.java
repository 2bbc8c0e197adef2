/**
 * HTTP plumbing for talking to providers ({@code java.net.http}). Not API: may change without notice.
 */
package dev.phoenixkit.integrations.internal.http;
