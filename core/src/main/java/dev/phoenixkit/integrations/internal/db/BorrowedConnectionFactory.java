package dev.phoenixkit.integrations.internal.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Borrows connections from a caller's {@link Jdbi} (by opening and later closing one of its handles), so the library
 * can run its own {@code Jdbi} configuration without changing the caller's.
 *
 * <p>Thread-safe.
 */
final class BorrowedConnectionFactory implements ConnectionFactory {
    private final Jdbi source;
    private final Map<Connection, Handle> borrowed = new ConcurrentHashMap<>();

    BorrowedConnectionFactory(Jdbi source) {
        this.source = source;
    }

    @Override
    public Connection openConnection() throws SQLException {
        Handle handle = source.open();
        Connection connection = handle.getConnection();
        borrowed.put(connection, handle);
        return connection;
    }

    @Override
    public void closeConnection(Connection connection) throws SQLException {
        Handle handle = borrowed.remove(connection);
        if (handle != null) {
            handle.close();
        } else {
            connection.close();
        }
    }
}
