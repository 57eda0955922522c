package app.cadence.retro.domain;

import app.cadence.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** A topic of the board: one card, or cards grouped together; what votes, notes and actions refer to. */
@Entity
@Table(name = "retro_group")
public class RetroGroup extends AbstractEntity {

    public static final int TITLE_MAX = 200;
    public static final int NOTES_MAX = 4000;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId;

    @Column(name = "session_id", nullable = false, updatable = false)
    private Long sessionId;

    @Column(name = "column_key", nullable = false, updatable = false, length = 36)
    private String columnKey;

    @Column(length = TITLE_MAX)
    private @Nullable String title;

    @Column(length = NOTES_MAX)
    private @Nullable String notes;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected RetroGroup() {
        this.sessionId = 0L;
        this.columnKey = "";
        this.createdAt = Instant.EPOCH;
    }

    public RetroGroup(Long sessionId, UUID columnKey, Instant at) {
        this.sessionId = sessionId;
        this.columnKey = columnKey.toString();
        this.createdAt = at;
    }

    public void rename(@Nullable String title) {
        String trimmed = title == null ? "" : title.strip();
        if (trimmed.length() > TITLE_MAX) {
            throw new RetroRuleException("title", "Keep a group's name to " + TITLE_MAX + " characters.");
        }
        this.title = trimmed.isEmpty() ? null : trimmed;
    }

    public void writeNotes(@Nullable String notes) {
        String trimmed = notes == null ? "" : notes.strip();
        if (trimmed.length() > NOTES_MAX) {
            throw new RetroRuleException("notes", "Keep a topic's notes to " + NOTES_MAX + " characters.");
        }
        this.notes = trimmed.isEmpty() ? null : trimmed;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public UUID getColumnKey() {
        return UUID.fromString(columnKey);
    }

    public @Nullable String getTitle() {
        return title;
    }

    public @Nullable String getNotes() {
        return notes;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
