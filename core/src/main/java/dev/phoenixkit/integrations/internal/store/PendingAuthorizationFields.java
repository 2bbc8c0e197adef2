package dev.phoenixkit.integrations.internal.store;

import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.internal.StoredData;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of a pending OAuth2 authorization that the library keeps on a connection row for itself and never
 * hands out (reads, listings, write results, events): the PKCE verifier (a secret, encrypted at rest by the field
 * codec), the state's expiry, and the state {@code beginAuthorization} issued. A bare {@code oauth_state} without an
 * expiry is not the library's: it is what a caller following PhoenixKit's pattern saved itself with
 * {@code saveSetup}, and stays visible to that caller. Stateless.
 */
public final class PendingAuthorizationFields {
    /** The CSRF state (PhoenixKit's field name). */
    public static final String STATE = "oauth_state";
    /** When the state {@code beginAuthorization} issued stops being accepted. */
    public static final String STATE_EXPIRES_AT = "oauth_state_expires_at";
    /** The PKCE code verifier (a secret). */
    public static final String CODE_VERIFIER = "oauth_code_verifier";
    /** The scopes {@code beginAuthorization} requested, when the caller chose them (stored as granted on success). */
    public static final String REQUESTED_SCOPES = "oauth_requested_scopes";
    /** All four. */
    public static final List<String> ALL = List.of(STATE, STATE_EXPIRES_AT, CODE_VERIFIER, REQUESTED_SCOPES);

    private PendingAuthorizationFields() {}

    /**
     * @param data a row's complete data
     * @return the data to hand out: without the verifier and the state's expiry, and without the state when the
     *         library issued it
     */
    public static IntegrationData hide(IntegrationData data) {
        boolean libraryState = data.has(STATE_EXPIRES_AT);
        if (!libraryState
                && !data.has(CODE_VERIFIER)
                && !data.undecryptableFields().contains(CODE_VERIFIER)) {
            return data;
        }
        Map<String, Object> fields = new LinkedHashMap<>(data.asMap());
        fields.remove(CODE_VERIFIER);
        fields.remove(STATE_EXPIRES_AT);
        fields.remove(REQUESTED_SCOPES);
        if (libraryState) {
            fields.remove(STATE);
        }
        Set<String> undecryptable = new HashSet<>(data.undecryptableFields());
        undecryptable.remove(CODE_VERIFIER);
        return StoredData.of(fields, undecryptable);
    }
}
