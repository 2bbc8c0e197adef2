package dev.phoenixkit.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.crypto.SecretCipher;
import dev.phoenixkit.integrations.events.IntegrationEvent;
import dev.phoenixkit.testkit.PhoenixKitTest;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Builder.hostTransactions}: the facade's commands join a transaction the host has open on a connection, and
 * their events wait for the host's commit. The "host" here is a plain JDBC transaction on one connection, handed out
 * by a data source while it is open (what Spring's {@code TransactionAwareDataSourceProxy} does).
 */
@PhoenixKitTest
class HostTransactionsTest {
    private DataSource pool;
    private HostTransaction host;
    private Integrations integrations;
    private final List<Runnable> afterCommit = new ArrayList<>();
    private final List<IntegrationEvent> events = new ArrayList<>();

    @BeforeEach
    void setUp(DataSource dataSource) {
        pool = dataSource;
        host = new HostTransaction(dataSource);
        integrations = Integrations.builder()
                .dataSource(dataSource)
                .providers(TestIntegrations.registry())
                .cipher(SecretCipher.fromSecretKeyBase(TestIntegrations.SECRET_KEY_BASE))
                .hostTransactions(host, work -> {
                    if (host.open()) {
                        afterCommit.add(work);
                    } else {
                        work.run();
                    }
                })
                .build();
        integrations.events().subscribe(events::add);
    }

    @AfterEach
    void tearDown() {
        integrations.close();
    }

    @Test
    void aConnectionAddedInAHostTransactionThatRollsBackIsGone() throws SQLException {
        host.begin();
        Connection added = integrations.addConnection("openrouter", "work");
        integrations.saveSetup(added.uuid(), Map.of("api_key", "sk-host-transaction-0123456789"));
        assertThat(integrations.getIntegrationByUuid(added.uuid()).name())
                .as("visible inside the transaction")
                .isEqualTo("work");
        assertThat(rowsOutside()).as("invisible outside before the commit").isZero();
        host.rollback();
        afterCommit.clear();

        assertThat(rowsOutside()).isZero();
        assertThat(integrations.listConnections("openrouter")).isEmpty();
        assertThat(events).as("no event for a rolled-back write").isEmpty();
    }

    @Test
    void writesInAHostTransactionCommitWithItAndTheirEventsFollowTheCommit() throws SQLException {
        host.begin();
        Connection added = integrations.addConnection("openrouter", "work");
        integrations.renameConnection(added.uuid(), "main");
        assertThat(events).as("nothing before the host commits").isEmpty();
        host.commit();
        afterCommit.forEach(Runnable::run);

        assertThat(rowsOutside()).isEqualTo(1);
        assertThat(integrations.listConnections("openrouter"))
                .extracting(Connection::name)
                .containsExactly("main");
        assertThat(events).hasSize(2);
    }

    @Test
    void withoutAHostTransactionEachCommandCommitsOnItsOwn() throws SQLException {
        Connection added = integrations.addConnection("openrouter", "work");
        UUID uuid = added.uuid();
        integrations.disconnect(uuid);
        assertThat(rowsOutside()).isEqualTo(1);
        integrations.removeConnection(uuid);
        assertThat(rowsOutside()).isZero();
        assertThat(events).hasSize(3);
    }

    private int rowsOutside() throws SQLException {
        try (java.sql.Connection connection = pool.getConnection();
                var statement = connection.prepareStatement(
                        "SELECT count(*) FROM phoenix_kit_settings WHERE key LIKE 'integration:openrouter:%'");
                var result = statement.executeQuery()) {
            result.next();
            return result.getInt(1);
        }
    }

    /** Hands out the open transaction's connection (close is then a no-op), else a pooled one. */
    private static final class HostTransaction implements DataSource {
        private final DataSource pool;
        private java.sql.Connection current;

        HostTransaction(DataSource pool) {
            this.pool = pool;
        }

        boolean open() {
            return current != null;
        }

        void begin() throws SQLException {
            current = pool.getConnection();
            current.setAutoCommit(false);
        }

        void commit() throws SQLException {
            current.commit();
            end();
        }

        void rollback() throws SQLException {
            current.rollback();
            end();
        }

        private void end() throws SQLException {
            current.setAutoCommit(true);
            current.close();
            current = null;
        }

        @Override
        public java.sql.Connection getConnection() throws SQLException {
            if (current == null) {
                return pool.getConnection();
            }
            java.sql.Connection bound = current;
            return (java.sql.Connection) Proxy.newProxyInstance(
                    java.sql.Connection.class.getClassLoader(),
                    new Class<?>[] {java.sql.Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        try {
                            return method.invoke(bound, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public java.sql.Connection getConnection(String username, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
