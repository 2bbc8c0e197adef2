package dev.phoenixkit.integrations.internal.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The two hot single-row reads, {@code getCredentials}/{@code getIntegration} by uuid and by storage key, as plain
 * JDBC prepared statements. Every other statement goes through the SQL Object DAOs.
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

    /**
     * @param database the connection source and schema
     */
    public SettingsReads(Database database) {
        this.database = Objects.requireNonNull(database, "database");
        String table = Database.quote(database.schema()) + ".phoenix_kit_settings";
        this.integrationByUuid = """
                SELECT uuid, key, value_json::text FROM %s
                WHERE uuid = ? AND key LIKE 'integration:%%'""".formatted(table);
        this.byKey = """
                SELECT uuid, key, value_json::text FROM %s
                WHERE key = ?""".formatted(table);
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
            return Optional.of(new SettingsRow(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3)));
        }
    }
}
