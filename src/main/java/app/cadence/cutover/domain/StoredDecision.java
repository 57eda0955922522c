package app.cadence.cutover.domain;

import app.cadence.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** A run's {@link GoNoGoDecision} as stored; its approvers and votes are {@link StoredVote}s. */
@Entity
@Table(name = "cutover_decision")
public class StoredDecision extends AbstractEntity {

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId;

    @Column(name = "run_id", nullable = false, updatable = false)
    private Long runId;

    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "step_key", nullable = false, updatable = false, length = 36)
    private UUID stepKey;

    @Column(nullable = false, updatable = false, length = 200)
    private String title;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;

    @Column(name = "taken_at")
    private @Nullable Instant takenAt;

    @Column(name = "overruled_by_id")
    private @Nullable Long overruledById;

    @Column(name = "overruled_by_name", length = 120)
    private @Nullable String overruledByName;

    @Column(name = "overrule_reason", length = 2000)
    private @Nullable String overruleReason;

    @Column(name = "overruled_at")
    private @Nullable Instant overruledAt;

    @Version
    private long version;

    protected StoredDecision() {
        this.runId = 0L;
        this.stepKey = new UUID(0, 0);
        this.title = "";
        this.openedAt = Instant.EPOCH;
    }

    public StoredDecision(Long runId, GoNoGoDecision decision, Instant openedAt) {
        this.runId = runId;
        this.stepKey = decision.stepKey();
        this.title = decision.title();
        this.openedAt = openedAt;
    }

    public UUID getStepKey() {
        return stepKey;
    }

    public Long getRunId() {
        return runId;
    }

    /** The decision with the given lead and its approvers' rows (votes cast or not). */
    public GoNoGoDecision decision(Actor runLead, List<StoredVote> votes) {
        List<Actor> approvers = votes.stream().map(StoredVote::approver).toList();
        List<Vote> cast = votes.stream().map(StoredVote::vote).filter(java.util.Objects::nonNull).toList();
        Overrule overrule = overruledById == null || overruledAt == null ? null
                : new Overrule(new Actor(overruledById, String.valueOf(overruledByName)), String.valueOf(overruleReason), overruledAt);
        return new GoNoGoDecision(stepKey, title, runLead, approvers, cast, takenAt, overrule);
    }

    public void store(GoNoGoDecision decision) {
        this.takenAt = decision.takenAt();
        Overrule overrule = decision.overrule();
        this.overruledById = overrule == null ? null : overrule.by().accountId();
        this.overruledByName = overrule == null ? null : overrule.by().name();
        this.overruleReason = overrule == null ? null : overrule.reason();
        this.overruledAt = overrule == null ? null : overrule.at();
    }
}
