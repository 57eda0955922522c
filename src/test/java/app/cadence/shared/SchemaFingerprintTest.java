package app.cadence.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mock.env.MockEnvironment;

/** A node skips Liquibase only when the database recorded this very changelog after a complete update. */
class SchemaFingerprintTest {

    @TempDir Path folder;

    @Test
    void aDatabaseMigratedByThisChangelogIsNotMigratedAgainAndAnyChangeMigratesIt() throws Exception {
        DataSource database = h2("fingerprint-" + System.nanoTime());

        assertThat(start(database, new SchemaFingerprint(new MockEnvironment())).skipped()).as("an empty database").isFalse();
        assertThat(SchemaFingerprint.recorded(database)).isEqualTo(SchemaFingerprint.of(SchemaFingerprint.CHANGELOG_FILES));

        assertThat(start(database, new SchemaFingerprint(new MockEnvironment())).skipped()).as("the same changelog again").isTrue();

        // What another build's changelog recorded: this one runs, and records its own.
        try (Connection connection = database.getConnection(); Statement s = connection.createStatement()) {
            s.executeUpdate("update schema_fingerprint set fingerprint = 'another build' where id = 1");
        }
        assertThat(start(database, new SchemaFingerprint(new MockEnvironment())).skipped()).isFalse();
        assertThat(SchemaFingerprint.recorded(database)).isEqualTo(SchemaFingerprint.of(SchemaFingerprint.CHANGELOG_FILES));

        // An operator can have every start run Liquibase.
        assertThat(start(database, new SchemaFingerprint(new MockEnvironment().withProperty("cadence.schema.skip-unchanged-migration", "false"))).skipped())
                .isFalse();
    }

    @Test
    void aMigrationThatFailsRecordsNothing() throws Exception {
        DataSource database = h2("failing-" + System.nanoTime());
        start(database, new SchemaFingerprint(new MockEnvironment()));
        try (Connection connection = database.getConnection(); Statement s = connection.createStatement()) {
            s.executeUpdate("update schema_fingerprint set fingerprint = 'an earlier build' where id = 1");
        }
        SchemaFingerprint fingerprint = new SchemaFingerprint(new MockEnvironment());
        SpringLiquibase failing = liquibase(database, "classpath:db/changelog/no-such-changelog.yaml");
        fingerprint.postProcessBeforeInitialization(failing, "liquibase");
        org.assertj.core.api.Assertions.assertThatThrownBy(failing::afterPropertiesSet).isInstanceOf(Exception.class);
        assertThat(SchemaFingerprint.recorded(database)).isEqualTo("an earlier build");
    }

    @Test
    void theFingerprintCoversEveryFileNameAndByte() throws Exception {
        Path changelog = Files.createDirectories(folder.resolve("db/changelog/changes"));
        Files.writeString(changelog.resolve("0001-a.yaml"), "a: 1\n");
        String pattern = "file:" + folder.resolve("db/changelog") + "/**/*.*";
        String before = SchemaFingerprint.of(pattern);
        assertThat(SchemaFingerprint.of(pattern)).isEqualTo(before);

        Files.writeString(changelog.resolve("0001-a.yaml"), "a: 2\n");
        String edited = SchemaFingerprint.of(pattern);
        assertThat(edited).isNotEqualTo(before);

        Files.writeString(changelog.resolve("0002-b.yaml"), "");
        assertThat(SchemaFingerprint.of(pattern)).isNotEqualTo(edited);

        Files.move(changelog.resolve("0002-b.yaml"), changelog.resolve("0003-b.yaml"));
        assertThat(SchemaFingerprint.of(pattern)).as("a renamed file").isNotEqualTo(edited);
    }

    private static SchemaFingerprint start(DataSource database, SchemaFingerprint fingerprint) throws Exception {
        SpringLiquibase liquibase = liquibase(database, "classpath:db/changelog/db.changelog-master.yaml");
        fingerprint.postProcessBeforeInitialization(liquibase, "liquibase");
        liquibase.afterPropertiesSet();
        fingerprint.postProcessAfterInitialization(liquibase, "liquibase");
        return fingerprint;
    }

    private static SpringLiquibase liquibase(DataSource database, String changelog) {
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(database);
        liquibase.setChangeLog(changelog);
        liquibase.setResourceLoader(new DefaultResourceLoader());
        liquibase.setAnalyticsEnabled(false);
        return liquibase;
    }

    private static DataSource h2(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        return dataSource;
    }
}
