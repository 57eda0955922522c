package app.cadence.notify.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a notice unless its recipient already has one with the same key. The service checks for
 * the key first; two transactions that pass that check at once (two predecessors of a step done
 * together) meet at the unique key (tenant, recipient, dedupe key). The loser's insert is undone to
 * a savepoint and counts as "already sent", so the caller's own change, whose transaction this
 * runs in, still commits.
 *
 * <p>Plain JDBC on the transaction's own connection rather than the entity: Hibernate's session is
 * not usable after a failed insert. The savepoint is the connection's own, set by hand: Spring's
 * NESTED propagation would need nested transactions switched on for the whole application.
 */
@Component
class NotificationStore {

    record NewNotice(Long tenantId, Long recipientId, String kind, String title, @Nullable String body, @Nullable String link,
                     @Nullable String dedupeKey, Instant createdAt, boolean digestPending) {
    }

    private static final String INSERT = """
            insert into notification (tenant_id, recipient_id, kind, title, body, link, dedupe_key, created_at, digest_pending)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;

    NotificationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The new notice's id; empty when the recipient already has one with this key. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Long> insert(NewNotice notice) {
        return jdbc.execute((ConnectionCallback<Optional<Long>>) connection -> {
            Savepoint savepoint = connection.setSavepoint();
            try {
                Long id = insert(connection, notice);
                connection.releaseSavepoint(savepoint);
                return Optional.of(id);
            } catch (SQLException e) {
                DataAccessException translated = jdbc.getExceptionTranslator().translate("insert notification", INSERT, e);
                if (translated instanceof DuplicateKeyException) {
                    connection.rollback(savepoint);
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    private static Long insert(Connection connection, NewNotice notice) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, notice.tenantId());
            s.setLong(2, notice.recipientId());
            s.setString(3, notice.kind());
            s.setString(4, notice.title());
            s.setString(5, notice.body());
            s.setString(6, notice.link());
            s.setString(7, notice.dedupeKey());
            // Zone-less UTC, as Hibernate stores instants here (hibernate.jdbc.time_zone=UTC).
            s.setObject(8, LocalDateTime.ofInstant(notice.createdAt(), ZoneOffset.UTC));
            s.setBoolean(9, notice.digestPending());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("The database returned no id for the new notification");
                }
                return keys.getLong(1);
            }
        }
    }
}
