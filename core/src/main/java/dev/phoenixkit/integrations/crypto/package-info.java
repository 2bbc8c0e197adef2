/**
 * Encryption of connection secrets at rest: {@link dev.phoenixkit.integrations.crypto.SecretCipher}.
 */
package dev.phoenixkit.integrations.crypto;
