package app.cadence.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A MariaDB database of a test's own on the machine's server (127.0.0.1:3306), created empty and
 * dropped on {@link #close()}. The user ({@code CADENCE_DB_USER}, default {@code cadence_test})
 * may create {@code cadence_test…} databases; {@code .ci/run} sets it up.
 */
public final class ScratchDatabase implements AutoCloseable {

    private static final String SERVER = "jdbc:mysql://127.0.0.1:3306/";

    private final String name;
    private final String user = env("CADENCE_DB_USER", "cadence_test");
    private final String password = env("CADENCE_DB_PASSWORD", "cadence_test");

    private ScratchDatabase(String name) {
        this.name = name;
    }

    /** Drops any leftover of an earlier run and creates the database afresh. */
    public static ScratchDatabase create(String name) throws SQLException {
        ScratchDatabase database = new ScratchDatabase(name);
        try (Connection c = database.server(); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name);
            s.execute("create database " + name + " character set utf8mb4 collate utf8mb4_unicode_ci");
        }
        return database;
    }

    public String url() {
        return SERVER + name;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user, password);
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = server(); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name);
        }
    }

    private Connection server() throws SQLException {
        return DriverManager.getConnection(SERVER, user, password);
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
