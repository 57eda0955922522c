package app.cadence.notify.service;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a notice unless its recipient already has one with the same key. The service checks for
 * the key first; two transactions that pass that check at once (two predecessors of a step done
 * together) meet at the unique key (tenant, recipient, dedupe key). The loser's insert is undone to
 * a savepoint and counts as "already sent", so the caller's own change, whose transaction this
 * runs in, still commits. Plain JDBC rather than the entity: Hibernate's session is not usable
 * after a failed insert, and the savepoint covers JDBC work only.
 */
@Component
class NotificationStore {

    record NewNotice(Long tenantId, Long recipientId, String kind, String title, @Nullable String body, @Nullable String link,
                     @Nullable String dedupeKey, Instant createdAt) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate savepoint;

    NotificationStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** The new notice's id; empty when the recipient already has one with this key. */
    Optional<Long> insert(NewNotice notice) {
        try {
            return Optional.ofNullable(savepoint.execute(status -> {
                GeneratedKeyHolder key = new GeneratedKeyHolder();
                jdbc.update(connection -> {
                    PreparedStatement s = connection.prepareStatement("""
                            insert into notification (tenant_id, recipient_id, kind, title, body, link, dedupe_key, created_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS);
                    s.setLong(1, notice.tenantId());
                    s.setLong(2, notice.recipientId());
                    s.setString(3, notice.kind());
                    s.setString(4, notice.title());
                    s.setString(5, notice.body());
                    s.setString(6, notice.link());
                    s.setString(7, notice.dedupeKey());
                    // Zone-less UTC, as Hibernate stores instants here (hibernate.jdbc.time_zone=UTC).
                    s.setObject(8, LocalDateTime.ofInstant(notice.createdAt(), ZoneOffset.UTC));
                    return s;
                }, key);
                return key.getKeyAs(Number.class).longValue();
            }));
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }
}
