package app.cadence.schema;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.support.IntegrationTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The changelog builds the schema on an empty database of the kind the suite runs on (H2, or
 * MariaDB with the 'mariadb' Maven profile), and applying it again changes nothing.
 */
@IntegrationTest
class ChangelogTest {

    static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";
    static final List<String> TABLES = List.of("tenant", "user_account", "membership", "login_throttle", "project",
            "template", "template_version", "template_change", "audit_event", "program",
            "project_rollup", "outbox_message", "shedlock", "security_event", "invitation", "sign_up_request",
            "password_reset_token", "tenant_logo", "attempt_quota", "attempt_quota_use", "event_publication", "notification",
            "stakeholder", "distribution_list", "distribution_list_member");

    @Autowired DataSource dataSource;
    @Autowired Environment environment;

    @Test
    void appliesToAnEmptyDatabase() throws Exception {
        String url = environment.getRequiredProperty("spring.datasource.url");
        if (url.startsWith("jdbc:h2:")) {
            try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:changelog-" + System.nanoTime(), "sa", "")) {
                assertAppliesTo(connection);
            }
        } else {
            String scratch = "cadence_test_changelog_" + System.nanoTime() % 1_000_000;
            try (Connection admin = dataSource.getConnection(); Statement s = admin.createStatement()) {
                s.execute("create database " + scratch + " character set utf8mb4 collate utf8mb4_unicode_ci");
                try (Connection connection = DriverManager.getConnection(withDatabase(url, scratch),
                        environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password"))) {
                    assertAppliesTo(connection);
                } finally {
                    s.execute("drop database " + scratch);
                }
            }
        }
    }

    private static void assertAppliesTo(Connection connection) throws Exception {
        assertThat(tables(connection)).doesNotContainAnyElementsOf(TABLES);
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        try (Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database)) {
            liquibase.update();
            assertThat(tables(connection)).containsAll(TABLES);
            assertThat(liquibase.listUnrunChangeSets(null, null)).isEmpty();
            liquibase.update();
        }
    }

    private static List<String> tables(Connection connection) throws Exception {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getTables(connection.getCatalog(), null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private static String withDatabase(String url, String database) {
        int slash = url.indexOf('/', "jdbc:mysql://".length());
        int query = url.indexOf('?', slash);
        return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
    }
}
