package dev.phoenixkit.testkit.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** A PostgreSQL server that runs outside the JVM, reached by a JDBC URL. Nothing is started or stopped. */
public final class ExternalServerBackend extends ServerBackend {
    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?$");

    private final String prefix;
    private final String maintenanceDatabase;
    private final String query;
    private final String user;
    private final String password;

    private ExternalServerBackend(
            String prefix, String maintenanceDatabase, String query, String user, String password) {
        this.prefix = prefix;
        this.maintenanceDatabase = maintenanceDatabase;
        this.query = query;
        this.user = user;
        this.password = password;
    }

    /**
     * @param url      a JDBC URL such as {@code jdbc:postgresql://localhost:5432/postgres}
     * @param user     the user when the URL names none, or {@code null}
     * @param password the password when the URL has none, or {@code null}
     * @return the backend
     */
    public static ExternalServerBackend fromUrl(String url, String user, String password) {
        Matcher matcher = URL.matcher(url);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("PHOENIXKIT_TEST_DB_URL must look like "
                    + "jdbc:postgresql://host:port/database[?options], was '" + maskPassword(url) + "'");
        }
        String database = matcher.group(2).isEmpty() ? "postgres" : matcher.group(2);
        String query = matcher.group(3) == null ? "" : matcher.group(3);
        return new ExternalServerBackend(matcher.group(1), database, query, user, password);
    }

    static String maskPassword(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1<masked>");
    }

    @Override
    public String description() {
        return "external PostgreSQL at " + maskPassword(prefix + maintenanceDatabase + query);
    }

    @Override
    public DataSource adminDataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(prefix + maintenanceDatabase + query);
        if (user != null) {
            dataSource.setUser(user);
        }
        if (password != null) {
            dataSource.setPassword(password);
        }
        return dataSource;
    }

    @Override
    public String jdbcUrl(String database) {
        return prefix + database + query;
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public boolean ownsServer() {
        return false;
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
