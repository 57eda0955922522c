package app.cadence.retro.domain;

import app.cadence.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A retrospective's live session and the facilitator's rules over it: the phase only moves
 * forward; anonymity is settled before the first card; cards are revealed at the latest when
 * grouping starts; the timer is the server's (an end instant, or the seconds left while paused).
 */
@Entity
@Table(name = "retro_session")
public class RetroSession extends AbstractEntity {

    /** The longest a topic's timer can be set to. */
    public static final Duration LONGEST_TIMER = Duration.ofMinutes(60);

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId;

    @Column(name = "instance_id", nullable = false, updatable = false)
    private Long instanceId;

    @Column(name = "project_id", nullable = false, updatable = false)
    private Long projectId;

    @Column(name = "template_version_id", nullable = false, updatable = false)
    private Long templateVersionId;

    @Column(name = "facilitator_id", nullable = false)
    private Long facilitatorId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private RetroPhase phase;

    @Column(nullable = false)
    private boolean anonymous;

    @Column(name = "vote_budget", nullable = false)
    private int voteBudget;

    @Column(name = "cards_revealed", nullable = false)
    private boolean cardsRevealed;

    @Column(name = "ratings_revealed", nullable = false)
    private boolean ratingsRevealed;

    @Column(name = "topic_group_id")
    private @Nullable Long topicGroupId;

    @Column(name = "timer_ends_at")
    private @Nullable Instant timerEndsAt;

    /** The timer's seconds left while it is paused (timerEndsAt null), or its length before it first starts. */
    @Column(name = "timer_seconds")
    private @Nullable Integer timerSeconds;

    @Column(name = "author_secret", nullable = false, updatable = false, length = 64)
    private String authorSecret;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 254)
    private String createdBy;

    @Column(name = "closed_at")
    private @Nullable Instant closedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected RetroSession() {
        this.instanceId = 0L;
        this.projectId = 0L;
        this.templateVersionId = 0L;
        this.facilitatorId = 0L;
        this.phase = RetroPhase.CHECK_IN;
        this.authorSecret = "";
        this.createdAt = Instant.EPOCH;
        this.createdBy = "";
        this.updatedAt = Instant.EPOCH;
    }

    public RetroSession(Long instanceId, Long projectId, Long templateVersionId, Long facilitatorId, int voteBudget, boolean anonymous,
                        Instant at, String by) {
        if (voteBudget < 1) {
            throw new RetroRuleException("A retrospective needs a vote budget of at least one dot per person.");
        }
        this.instanceId = instanceId;
        this.projectId = projectId;
        this.templateVersionId = templateVersionId;
        this.facilitatorId = facilitatorId;
        this.phase = RetroPhase.CHECK_IN;
        this.anonymous = anonymous;
        this.voteBudget = voteBudget;
        this.authorSecret = AuthorTokens.newSecret();
        this.createdAt = at;
        this.createdBy = by;
        this.updatedAt = at;
    }

    /** Moves to the next phase. Leaving Reflect reveals every card; closing stops the timer. */
    public RetroPhase advance(Instant at) {
        phase = phase.next();
        if (!phase.isBefore(RetroPhase.GROUP)) {
            cardsRevealed = true;
        }
        if (phase != RetroPhase.CHECK_IN) {
            ratingsRevealed = true;
        }
        if (phase == RetroPhase.DISCUSS || phase == RetroPhase.CLOSED) {
            stopTimer();
            topicGroupId = null;
        }
        if (phase == RetroPhase.CLOSED) {
            closedAt = at;
        }
        touch(at);
        return phase;
    }

    public void revealCards(Instant at) {
        requirePhase(RetroPhase.REFLECT, "reveal the cards");
        cardsRevealed = true;
        touch(at);
    }

    public void revealRatings(Instant at) {
        requirePhase(RetroPhase.CHECK_IN, "reveal the ratings");
        ratingsRevealed = true;
        touch(at);
    }

    /** Anonymity is settled before anyone writes: a card written under one rule keeps it. */
    public void makeAnonymous(boolean anonymous, Instant at) {
        requirePhase(RetroPhase.CHECK_IN, "change whether cards are anonymous");
        this.anonymous = anonymous;
        touch(at);
    }

    public void handOverTo(Long userId, Instant at) {
        requireOpen();
        this.facilitatorId = userId;
        touch(at);
    }

    /** Puts a topic up for discussion; its timer starts afresh when the facilitator starts it. */
    public void discuss(Long groupId, Instant at) {
        requirePhase(RetroPhase.DISCUSS, "choose the topic under discussion");
        if (!groupId.equals(topicGroupId)) {
            stopTimer();
        }
        topicGroupId = groupId;
        touch(at);
    }

    public void startTimer(Duration length, Instant at) {
        requirePhase(RetroPhase.DISCUSS, "start the timer");
        if (length.isNegative() || length.isZero() || length.compareTo(LONGEST_TIMER) > 0) {
            throw new RetroRuleException("minutes", "Set the timer to between 1 and " + LONGEST_TIMER.toMinutes() + " minutes.");
        }
        timerEndsAt = at.plus(length);
        timerSeconds = null;
        touch(at);
    }

    /** Pauses a running timer, keeping the time left; a paused timer resumes with {@link #resumeTimer}. */
    public void pauseTimer(Instant at) {
        if (timerEndsAt == null) {
            throw new RetroRuleException("The timer is not running.");
        }
        timerSeconds = (int) Math.max(0, Duration.between(at, timerEndsAt).toSeconds());
        timerEndsAt = null;
        touch(at);
    }

    public void resumeTimer(Instant at) {
        requirePhase(RetroPhase.DISCUSS, "resume the timer");
        if (timerEndsAt != null || timerSeconds == null) {
            throw new RetroRuleException("The timer is not paused.");
        }
        timerEndsAt = at.plusSeconds(timerSeconds);
        timerSeconds = null;
        touch(at);
    }

    public void stopTimer() {
        timerEndsAt = null;
        timerSeconds = null;
    }

    /** What the timer shows at {@code at}. */
    public TimerState timer(Instant at) {
        if (timerEndsAt != null) {
            return new TimerState(true, Duration.between(at, timerEndsAt).isNegative() ? Duration.ZERO : Duration.between(at, timerEndsAt), timerEndsAt);
        }
        return new TimerState(false, timerSeconds == null ? Duration.ZERO : Duration.ofSeconds(timerSeconds), null);
    }

    /** @param running  counting down now
     *  @param left     time left at the moment asked
     *  @param endsAt   when it reaches zero, while running */
    public record TimerState(boolean running, Duration left, @Nullable Instant endsAt) {
        public boolean paused() {
            return !running && !left.isZero();
        }
    }

    public void requirePhase(RetroPhase needed, String what) {
        if (phase != needed) {
            throw new RetroRuleException("You can " + what + " only in the " + needed.label() + " phase; the retrospective is in "
                    + phase.label() + ".");
        }
    }

    public void requireOpen() {
        if (phase == RetroPhase.CLOSED) {
            throw new RetroRuleException("The retrospective is closed.");
        }
    }

    public void touch(Instant at) {
        this.updatedAt = at;
    }

    public String tokenOf(AuthorTokens.Purpose purpose, Long userId) {
        return AuthorTokens.token(authorSecret, purpose, userId);
    }

    public Long getInstanceId() {
        return instanceId;
    }

    public Long getProjectId() {
        return projectId;
    }

    public Long getTemplateVersionId() {
        return templateVersionId;
    }

    public Long getFacilitatorId() {
        return facilitatorId;
    }

    public RetroPhase getPhase() {
        return phase;
    }

    public boolean isAnonymous() {
        return anonymous;
    }

    public int getVoteBudget() {
        return voteBudget;
    }

    public boolean isCardsRevealed() {
        return cardsRevealed;
    }

    public boolean isRatingsRevealed() {
        return ratingsRevealed;
    }

    public @Nullable Long getTopicGroupId() {
        return topicGroupId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public @Nullable Instant getClosedAt() {
        return closedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
