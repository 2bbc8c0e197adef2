package dev.phoenixkit.integrations.internal.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The two hot reads, {@code getCredentials}/{@code getIntegration} by uuid and by reference (by storage key in the
 * composite-key layout, by provider in the uuid-key layout, where a reference names a row only through
 * {@code value_json}), as plain JDBC prepared statements. Every other statement goes through the SQL Object DAOs.
 *
 * <p>Why the exception: with jdbi 3.54 every SQL Object call rebuilds the object's method handlers
 * (jdbi/jdbi#2991), about 100 µs of CPU per call, which made a credential lookup cost 2.8 times the raw JDBC
 * baseline of benchmarks P1/P2 (target 1.15 to 1.2). The uuid read repeats {@link SettingsDao#findIntegrationByUuid},
 * which stays for reads inside a transaction; failures become the same sanitised {@code STORAGE_FAILED} (SQLState
 * only).
 *
 * <p>Thread-safe.
 */
public final class SettingsReads {
    private final Database database;
    private final String integrationByUuid;
    private final String byKey;
    private final String byProvider;

    /**
     * @param database the connection source and schema
     */
    public SettingsReads(Database database) {
        this.database = Objects.requireNonNull(database, "database");
        String table = Database.quote(database.schema()) + ".phoenix_kit_settings";
        this.integrationByUuid = """
                SELECT uuid, key, value_json::text FROM %s
                WHERE uuid = ? AND %s""".formatted(table, Database.integrationRows(database.layout()));
        this.byKey = """
                SELECT uuid, key, value_json::text FROM %s
                WHERE key = ?""".formatted(table);
        this.byProvider = """
                SELECT uuid, key, value_json::text FROM %s
                WHERE module = 'integrations' AND value_json ->> 'provider' = ? AND %s""".formatted(
                        table,
                        SettingsDao.OWNER_FILTER
                                .replace("CAST(:ownerUuid AS text)", "CAST(? AS text)")
                                .replace("CAST(:ownerType AS text)", "CAST(? AS text)"));
    }

    /**
     * Uuid-key layout: one provider's integration rows of one owner, the query of
     * {@link SettingsDao#listByProviders} for a single provider.
     *
     * @param provider  the provider key
     * @param ownerType the owner type, or {@code null} for the system
     * @param ownerUuid the owner uuid as lowercase text, or {@code null} for the system
     * @return the rows, in the order PostgreSQL returns them
     */
    public List<SettingsRow> providerRows(String provider, String ownerType, String ownerUuid) {
        Objects.requireNonNull(provider, "provider");
        return database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(byProvider)) {
                statement.setString(1, provider);
                // OWNER_FILTER names :ownerUuid twice, then :ownerType
                statement.setString(2, ownerUuid);
                statement.setString(3, ownerUuid);
                statement.setString(4, ownerType);
                List<SettingsRow> out = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        out.add(row(rows));
                    }
                }
                return out;
            }
        });
    }

    /**
     * @param uuid a row uuid
     * @return the row, if it exists and is an integration row
     */
    public Optional<SettingsRow> findIntegrationByUuid(UUID uuid) {
        Objects.requireNonNull(uuid, "uuid");
        return database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(integrationByUuid)) {
                statement.setObject(1, uuid);
                return one(statement);
            }
        });
    }

    /**
     * @param key an exact storage key
     * @return the row with that key
     */
    public Optional<SettingsRow> findByKey(String key) {
        Objects.requireNonNull(key, "key");
        return database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(byKey)) {
                statement.setString(1, key);
                return one(statement);
            }
        });
    }

    private static Optional<SettingsRow> one(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            return Optional.of(row(rows));
        }
    }

    private static SettingsRow row(ResultSet rows) throws SQLException {
        return new SettingsRow(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3));
    }
}
