/**
 * The reference integration module, mirroring PhoenixKit's AI module: legacy credential migration, the
 * {@code provider:name} reference sweep and the lazy on-read promotion helper. Module authors copy from it.
 */
package dev.phoenixkit.testkit.reference;
