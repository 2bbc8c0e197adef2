package dev.phoenixkit.spring.internal;

import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.spring.PhoenixKitProperties;
import java.util.Map;

/** The {@link SecretCipher} the properties describe. */
public final class Ciphers {
    private Ciphers() {}

    /**
     * @param properties the properties
     * @return the cipher: a keyring when one is given (the secret key base then reads old {@code enc:v1} values), else
     *         the secret key base's, else plaintext when allowed
     * @throws IllegalStateException when there is no secret and plaintext is not allowed (the message names the
     *                               properties, never a value)
     */
    public static SecretCipher from(PhoenixKitProperties properties) {
        Map<String, String> keyring = properties.getKeyring();
        String secretKeyBase = properties.getSecretKeyBase();
        boolean hasSecret = secretKeyBase != null && !secretKeyBase.isBlank();
        if (!keyring.isEmpty()) {
            SecretCipher.KeyringBuilder builder = SecretCipher.keyring();
            keyring.forEach(builder::keyFromSecret);
            if (hasSecret) {
                builder.legacySecretKeyBase(secretKeyBase);
            }
            if (properties.getPrimaryKey() != null) {
                builder.primary(properties.getPrimaryKey());
            } else if (keyring.size() == 1) {
                builder.primary(keyring.keySet().iterator().next());
            } else {
                throw new IllegalStateException(PhoenixKitProperties.PREFIX
                        + ".primary-key is required with more than one keyring entry (one of " + keyring.keySet()
                        + ")");
            }
            return builder.build();
        }
        if (hasSecret) {
            return SecretCipher.fromSecretKeyBase(secretKeyBase);
        }
        if (properties.isAllowPlaintext()) {
            return SecretCipher.none();
        }
        throw new IllegalStateException("No secret for PhoenixKit Integrations: set " + PhoenixKitProperties.PREFIX
                + ".secret-key-base (or " + PhoenixKitProperties.PREFIX + ".keyring.<id>), or "
                + PhoenixKitProperties.PREFIX + ".allow-plaintext=true to store secrets unencrypted");
    }
}
