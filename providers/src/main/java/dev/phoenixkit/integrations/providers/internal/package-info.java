/** Implementation shared by the built-in strategies; not part of the API. */
package dev.phoenixkit.integrations.providers.internal;
