package dev.phoenixkit.integrations;

import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.integrations.internal.StoredData;
import dev.phoenixkit.integrations.internal.json.FieldText;
import dev.phoenixkit.integrations.internal.json.JsonCodec;
import dev.phoenixkit.integrations.internal.json.Timestamps;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A connection's data: the decrypted JSON blob PhoenixKit keeps in the row's {@code value_json}, by PhoenixKit's
 * field names ({@code provider}, {@code name}, {@code auth_type}, {@code status}, {@code api_key},
 * {@code access_token}, {@code connected_at}, ...).
 *
 * <p>{@link #get(String)} gives a field's raw JSON value (String, Number, Boolean, {@code List}, {@code Map} or
 * {@code null}); {@link #asMap()} the whole map; the typed getters read the common fields. A stored secret that
 * could not be decrypted is <em>not</em> in the map: its name is in {@link #undecryptableFields()} instead, so
 * ciphertext is never handed out as if it were the secret. The library's pending-authorization fields (the PKCE
 * {@code oauth_code_verifier}, {@code oauth_state_expires_at} and the {@code oauth_state} that
 * {@code beginAuthorization} issued) stay on the row and are never part of the data handed out.
 *
 * <p>{@link #toString()} shows only non-secret housekeeping fields; every other field is listed as
 * {@code <redacted>}. Immutable (deeply) and thread-safe.
 */
public final class IntegrationData {
    private static final IntegrationData EMPTY = new IntegrationData(Map.of(), Set.of());
    /** Fields whose values {@link #toString()} may show. */
    private static final Set<String> SHOWN_FIELDS = Set.of(
            Fields.PROVIDER,
            Fields.NAME,
            Fields.AUTH_TYPE,
            Fields.STATUS,
            Fields.VALIDATION_STATUS,
            Fields.CONNECTED_AT,
            Fields.LAST_VALIDATED_AT,
            Fields.EXPIRES_AT,
            Fields.TOKEN_OBTAINED_AT,
            Fields.TOKEN_TYPE,
            Fields.SCOPES);

    static {
        StoredData.install(IntegrationData::of);
    }

    private final Map<String, Object> fields;
    private final Set<String> undecryptableFields;

    private IntegrationData(Map<String, Object> fields, Set<String> undecryptableFields) {
        this.fields = fields;
        this.undecryptableFields = undecryptableFields;
    }

    /** @return data with no fields */
    public static IntegrationData empty() {
        return EMPTY;
    }

    /**
     * Wraps a copy of a map of JSON-compatible values.
     *
     * @param fields field name to value; values are normalised to plain JSON values and copied
     * @return the data
     * @throws IllegalArgumentException if a value cannot be represented as JSON
     */
    public static IntegrationData of(Map<String, ?> fields) {
        return of(fields, Set.of());
    }

    /** Storage code (internal) builds data with undecryptable fields through {@code internal.StoredData}. */
    private static IntegrationData of(Map<String, ?> fields, Set<String> undecryptableFields) {
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(undecryptableFields, "undecryptableFields");
        Map<String, Object> plain = new LinkedHashMap<>();
        fields.forEach((key, value) -> plain.put(Objects.requireNonNull(key, "field name"), JsonCodec.toPlain(value)));
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) JsonCodec.immutableCopy(plain);
        return new IntegrationData(copy, Set.copyOf(undecryptableFields));
    }

    /**
     * @param field a PhoenixKit field name such as {@code "api_key"}
     * @return the raw JSON value, or {@code null} if absent (or stored as JSON null)
     */
    public Object get(String field) {
        return fields.get(Objects.requireNonNull(field, "field"));
    }

    /**
     * @param field a field name
     * @return whether the field is present (possibly with a JSON null value)
     */
    public boolean has(String field) {
        return fields.containsKey(Objects.requireNonNull(field, "field"));
    }

    /**
     * @param field a field name
     * @return the field's value if it is a string that is not blank (a value of spaces counts as missing)
     */
    public Optional<String> getString(String field) {
        return FieldText.of(fields.get(Objects.requireNonNull(field, "field")));
    }

    /** @return every field as an unmodifiable map in stored order; undecryptable secrets are absent */
    public Map<String, Object> asMap() {
        return fields;
    }

    /** @return names of stored secrets that could not be decrypted with the configured cipher (usually empty) */
    public Set<String> undecryptableFields() {
        return undecryptableFields;
    }

    /** @return whether some stored secret could not be decrypted */
    public boolean hasUndecryptableFields() {
        return !undecryptableFields.isEmpty();
    }

    /** @return the {@code provider} copy in the blob (the row's key is authoritative; see {@link Connection}) */
    public Optional<String> provider() {
        return getString(Fields.PROVIDER);
    }

    /** @return the {@code name} copy in the blob (the row's key is authoritative; see {@link Connection}) */
    public Optional<String> name() {
        return getString(Fields.NAME);
    }

    /** @return {@code auth_type}, for example {@code "api_key"} or {@code "oauth2"} */
    public Optional<String> authType() {
        return getString(Fields.AUTH_TYPE);
    }

    /** @return {@code status}, if it is one of the four known values */
    public Optional<ConnectionStatus> status() {
        return ConnectionStatus.fromWireValue(getString(Fields.STATUS).orElse(null));
    }

    /**
     * @return {@code validation_status}, open text: {@code "ok"}, a success note such as
     *         {@code "Connected as @mybot"} (status connected), or {@code "error: <reason>"}; see
     *         {@link ValidationResult#fromStored(String, String)}
     */
    public Optional<String> validationStatus() {
        return getString(Fields.VALIDATION_STATUS);
    }

    /** @return the decrypted {@code api_key} */
    public Optional<String> apiKey() {
        return getString(Fields.API_KEY);
    }

    /** @return the decrypted {@code bot_token} */
    public Optional<String> botToken() {
        return getString(Fields.BOT_TOKEN);
    }

    /** @return the decrypted OAuth2 {@code access_token} */
    public Optional<String> accessToken() {
        return getString(Fields.ACCESS_TOKEN);
    }

    /** @return the decrypted OAuth2 {@code refresh_token} */
    public Optional<String> refreshToken() {
        return getString(Fields.REFRESH_TOKEN);
    }

    /** @return the OAuth2 app's {@code client_id} */
    public Optional<String> clientId() {
        return getString(Fields.CLIENT_ID);
    }

    /** @return the decrypted OAuth2 app's {@code client_secret} */
    public Optional<String> clientSecret() {
        return getString(Fields.CLIENT_SECRET);
    }

    /** @return when the OAuth2 access token expires ({@code expires_at}) */
    public Optional<Instant> expiresAt() {
        return Timestamps.parse(fields.get(Fields.EXPIRES_AT));
    }

    /** @return the last successful connection ({@code connected_at}) */
    public Optional<Instant> connectedAt() {
        return Timestamps.parse(fields.get(Fields.CONNECTED_AT));
    }

    /** @return the last validation attempt ({@code last_validated_at}) */
    public Optional<Instant> lastValidatedAt() {
        return Timestamps.parse(fields.get(Fields.LAST_VALIDATED_AT));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IntegrationData that
                && fields.equals(that.fields)
                && undecryptableFields.equals(that.undecryptableFields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fields, undecryptableFields);
    }

    /** @return the fields, with the value of every field that may hold a secret or personal data redacted */
    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(", ", "IntegrationData{", "}");
        fields.forEach((key, value) -> joiner.add(key + "="
                + (SHOWN_FIELDS.contains(key) && !SecretCipher.SENSITIVE_FIELDS.contains(key) ? value : "<redacted>")));
        undecryptableFields.forEach(key -> joiner.add(key + "=<undecryptable>"));
        return joiner.toString();
    }
}
