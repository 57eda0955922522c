package app.cadence.retro.domain;

import app.cadence.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** One participant's 1–5 answer to a check-in question, by token: ratings are always anonymous. */
@Entity
@Table(name = "retro_rating")
public class RetroRating extends AbstractEntity {

    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId;

    @Column(name = "session_id", nullable = false, updatable = false)
    private Long sessionId;

    @Column(name = "prompt_key", nullable = false, updatable = false, length = 36)
    private String promptKey;

    @Column(name = "rater_token", nullable = false, updatable = false, length = 64)
    private String raterToken;

    @Column(nullable = false)
    private int score;

    protected RetroRating() {
        this.sessionId = 0L;
        this.promptKey = "";
        this.raterToken = "";
    }

    public RetroRating(Long sessionId, UUID promptKey, String raterToken, int score) {
        this.sessionId = sessionId;
        this.promptKey = promptKey.toString();
        this.raterToken = raterToken;
        rescore(score);
    }

    public void rescore(int score) {
        if (score < LOWEST || score > HIGHEST) {
            throw new RetroRuleException("score", "Rate from " + LOWEST + " to " + HIGHEST + ".");
        }
        this.score = score;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public UUID getPromptKey() {
        return UUID.fromString(promptKey);
    }

    public String getRaterToken() {
        return raterToken;
    }

    public int getScore() {
        return score;
    }
}
