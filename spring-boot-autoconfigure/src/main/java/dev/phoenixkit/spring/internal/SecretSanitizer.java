package dev.phoenixkit.spring.internal;

import dev.phoenixkit.spring.PhoenixKitProperties;
import java.util.Locale;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks {@code phoenixkit.integrations.secret-key-base} and every {@code phoenixkit.integrations.keyring.*} entry in
 * Actuator's {@code configprops} and {@code env}, whatever {@code show-values} says.
 */
public final class SecretSanitizer implements SanitizingFunction {
    @Override
    public SanitizableData apply(SanitizableData data) {
        String key = data.getKey().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        String lowerPrefix = PhoenixKitProperties.PREFIX.replace("-", "");
        boolean secret = key.startsWith(lowerPrefix + ".secretkeybase")
                || key.startsWith(lowerPrefix + ".keyring")
                || key.startsWith("phoenixkitintegrationssecretkeybase")
                || key.startsWith("phoenixkitintegrationskeyring");
        return secret ? data.withSanitizedValue() : data;
    }
}
