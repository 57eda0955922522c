package app.cadence.retro.domain;

import app.cadence.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A card on a column. Who wrote it is kept as a token only ({@link AuthorTokens}); the name and id
 * are stored as well only when the session is not anonymous.
 */
@Entity
@Table(name = "retro_card")
public class RetroCard extends AbstractEntity {

    public static final int TEXT_MAX = 1000;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId;

    @Column(name = "session_id", nullable = false, updatable = false)
    private Long sessionId;

    @Column(name = "group_id", nullable = false)
    private Long groupId;

    @Column(name = "column_key", nullable = false, updatable = false, length = 36)
    private String columnKey;

    @Column(nullable = false, length = TEXT_MAX)
    private String text;

    @Column(name = "author_token", nullable = false, updatable = false, length = 64)
    private String authorToken;

    @Column(name = "author_id", updatable = false)
    private @Nullable Long authorId;

    @Column(name = "author_name", updatable = false, length = 120)
    private @Nullable String authorName;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected RetroCard() {
        this.sessionId = 0L;
        this.groupId = 0L;
        this.columnKey = "";
        this.text = "";
        this.authorToken = "";
        this.createdAt = Instant.EPOCH;
    }

    /** A card of {@code author}, named on it only when {@code named}. */
    public RetroCard(RetroSession session, Long groupId, UUID columnKey, String text, Long authorId, String authorName, Instant at) {
        this.sessionId = java.util.Objects.requireNonNull(session.getId());
        this.groupId = groupId;
        this.columnKey = columnKey.toString();
        this.text = checkedText(text);
        this.authorToken = session.tokenOf(AuthorTokens.Purpose.CARD, authorId);
        if (!session.isAnonymous()) {
            this.authorId = authorId;
            this.authorName = authorName;
        }
        this.createdAt = at;
    }

    public static String checkedText(@Nullable String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new RetroRuleException("text", "Write something on the card.");
        }
        if (trimmed.length() > TEXT_MAX) {
            throw new RetroRuleException("text", "Keep a card to " + TEXT_MAX + " characters (this one has " + trimmed.length() + ").");
        }
        return trimmed;
    }

    public boolean writtenBy(String cardToken) {
        return authorToken.equals(cardToken);
    }

    public void rewrite(String text) {
        this.text = checkedText(text);
    }

    public void moveTo(Long groupId) {
        this.groupId = groupId;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public Long getGroupId() {
        return groupId;
    }

    public UUID getColumnKey() {
        return UUID.fromString(columnKey);
    }

    public String getText() {
        return text;
    }

    public @Nullable String getAuthorName() {
        return authorName;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
