package app.cadence.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Starts a node without running Liquibase when the database was last migrated, completely, by a
 * changelog with exactly these files. Liquibase otherwise parses every changeset and compares it
 * with {@code DATABASECHANGELOG} at each start — about 0.85 s of a restart on two cores, on the path
 * to the node being ready (docs/deployment.md, "A faster start") — to find nothing to do.
 *
 * <p>The fingerprint is a SHA-256 of every file under {@code db/changelog/} (names and bytes). It is
 * recorded in {@code schema_fingerprint} (changeset 0061) only after Liquibase has run without
 * failing, so a migration that stopped half-way runs again at the next start. Any difference — a
 * new changeset, an edited file, a database that has never recorded one — runs Liquibase as
 * before; so does {@code cadence.schema.skip-unchanged-migration=false}. Hibernate still validates
 * the schema against the entities at every start.
 */
@Component
class SchemaFingerprint implements BeanPostProcessor {

    static final String CHANGELOG_FILES = "classpath*:db/changelog/**/*.*";
    private static final Logger log = LoggerFactory.getLogger(SchemaFingerprint.class);

    private final boolean enabled;
    private @Nullable String fingerprint;
    private boolean skipped;

    SchemaFingerprint(Environment environment) {
        this.enabled = environment.getProperty("cadence.schema.skip-unchanged-migration", Boolean.class, true);
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (enabled && bean instanceof SpringLiquibase liquibase && liquibase.getDataSource() != null) {
            fingerprint = of(CHANGELOG_FILES);
            String recorded = recorded(liquibase.getDataSource());
            if (fingerprint.equals(recorded)) {
                liquibase.setShouldRun(false);
                skipped = true;
                log.info("The database was migrated by this changelog (fingerprint {}): Liquibase not run", fingerprint.substring(0, 12));
            }
        }
        return bean;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        // Reached only if the update did not throw: the start fails otherwise.
        if (enabled && bean instanceof SpringLiquibase liquibase && !skipped && fingerprint != null
                && liquibase.getDataSource() != null) {
            record(liquibase.getDataSource(), fingerprint);
        }
        return bean;
    }

    /** Whether Liquibase was told not to run, the database being migrated by this changelog already. */
    boolean skipped() {
        return skipped;
    }

    /** The SHA-256 of the files matching the pattern, in the order of their paths: each path, then its bytes. */
    static String of(String pattern) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(pattern);
            Arrays.sort(files, Comparator.comparing(SchemaFingerprint::relativePath));
            for (Resource file : files) {
                if (!file.isReadable()) {
                    continue; // a folder
                }
                digest.update(relativePath(file).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                try (InputStream in = file.getInputStream()) {
                    digest.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the changelog to fingerprint it", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The path from {@code db/changelog/} on, the same whether the files are in a jar or a folder. */
    private static String relativePath(Resource file) {
        try {
            String url = file.getURL().toString();
            int at = url.lastIndexOf("db/changelog/");
            return at < 0 ? url : url.substring(at);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fingerprint recorded in the database; null when there is none, or no table yet (an empty database). */
    static @Nullable String recorded(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select fingerprint from schema_fingerprint where id = 1");
             ResultSet row = select.executeQuery()) {
            return row.next() ? row.getString(1) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    private static void record(DataSource dataSource, String fingerprint) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("update schema_fingerprint set fingerprint = ?, recorded_at = ? where id = 1")) {
            update.setString(1, fingerprint);
            update.setTimestamp(2, Timestamp.from(Instant.now()));
            update.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            // Only speed is lost: the next start runs Liquibase again.
            log.warn("Could not record the changelog's fingerprint", e);
        }
    }
}
