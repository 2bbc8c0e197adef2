package dev.phoenixkit.integrations.internal;

import dev.phoenixkit.integrations.IntegrationData;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Storage code's way to build an {@link IntegrationData} that names the stored secrets it could not decrypt. Not
 * API: the public {@link IntegrationData#of(Map)} cannot mark fields undecryptable, so callers outside the library
 * cannot forge that state. {@code IntegrationData} installs its factory here when its class initialises.
 */
public final class StoredData {
    private static volatile BiFunction<Map<String, ?>, Set<String>, IntegrationData> factory;

    private StoredData() {}

    /**
     * Called once by {@code IntegrationData}'s static initialiser; later calls are refused.
     *
     * @param of the factory
     * @throws IllegalStateException if a factory is installed already
     */
    public static synchronized void install(BiFunction<Map<String, ?>, Set<String>, IntegrationData> of) {
        if (factory != null) {
            throw new IllegalStateException("StoredData factory installed already");
        }
        factory = Objects.requireNonNull(of, "of");
    }

    /**
     * @param fields              field name to value; copied and normalised like {@link IntegrationData#of(Map)}
     * @param undecryptableFields names of fields whose stored ciphertext could not be decrypted; copied
     * @return the data
     */
    public static IntegrationData of(Map<String, ?> fields, Set<String> undecryptableFields) {
        if (factory == null) {
            IntegrationData.empty(); // initialises IntegrationData, which installs the factory
        }
        return factory.apply(fields, undecryptableFields);
    }
}
