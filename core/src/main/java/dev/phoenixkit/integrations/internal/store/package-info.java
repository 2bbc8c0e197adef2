/**
 * Connection storage for the facade and for other internal packages (OAuth, validation). Not API: may change without
 * notice.
 *
 * <h2>How to change a connection</h2>
 * <pre>{@code
 * store.inTransaction(tx -> {
 *     StoredConnection row = tx.lock(uuid).orElseThrow(...);       // SELECT ... FOR UPDATE
 *     Map<String, Object> fields = new LinkedHashMap<>(row.data().asMap());
 *     fields.put("status", "connected");
 *     StoredConnection saved = tx.write(row, fields);              // encrypts; keeps undecryptable ciphertext
 *     tx.audit(AuditActions.CONNECTED, saved, actor, AuditMode.MANUAL, Map.of("account", id));
 *     tx.publish(new IntegrationEvent.Connected(...));             // delivered after commit, NOTIFY on commit
 *     return saved;
 * });
 * }</pre>
 * <ul>
 *   <li>{@link dev.phoenixkit.integrations.internal.store.ConnectionStore#findByUuid} /
 *   {@code findByKey} / {@code listByPattern(s)}: unlocked reads, decrypted.</li>
 *   <li>{@link dev.phoenixkit.integrations.internal.store.StoreTransaction#lock}: row lock for read-modify-write;
 *   {@code handle()} lets your own DAO (for example a {@code pg_advisory_xact_lock}) join the transaction.</li>
 *   <li>{@link dev.phoenixkit.integrations.internal.store.StoreTransaction#audit}: appends to
 *   {@code phoenix_kit_integration_audit} in the same transaction (action names in
 *   {@code internal.audit.AuditActions}).</li>
 *   <li>{@link dev.phoenixkit.integrations.internal.store.StoreTransaction#publish}: events after commit.</li>
 * </ul>
 */
package dev.phoenixkit.integrations.internal.store;
