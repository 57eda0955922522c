package app.cadence.cutover.domain;

import app.cadence.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * How far a {@link DecisionCondition} has been followed up, as stored: written the first time it
 * is marked met (until then it is open, as its vote set it), then its last change.
 */
@Entity
@Table(name = "cutover_decision_condition")
public class StoredCondition extends AbstractEntity {

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId;

    @Column(name = "run_id", nullable = false, updatable = false)
    private Long runId;

    @Column(name = "decision_id", nullable = false, updatable = false)
    private Long decisionId;

    @Column(name = "approver_id", nullable = false, updatable = false)
    private Long approverId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private ConditionState state;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "changed_by_id", nullable = false)
    private long changedById;

    @Column(name = "changed_by_name", nullable = false, length = 120)
    private String changedByName;

    @Column(length = 2000)
    private @Nullable String note;

    @Version
    private long version;

    protected StoredCondition() {
        this.runId = 0L;
        this.decisionId = 0L;
        this.approverId = 0L;
        this.state = ConditionState.OPEN;
        this.changedAt = Instant.EPOCH;
        this.changedByName = "";
    }

    public StoredCondition(Long runId, Long decisionId, DecisionCondition condition) {
        this.runId = runId;
        this.decisionId = decisionId;
        this.approverId = condition.approver().accountId();
        this.state = condition.state();
        this.changedAt = Instant.EPOCH;
        this.changedByName = "";
        store(condition);
    }

    public Long getDecisionId() {
        return decisionId;
    }

    public Long getApproverId() {
        return approverId;
    }

    /** The condition its vote sets, as it was last recorded here. */
    public DecisionCondition applyTo(DecisionCondition asSet) {
        return asSet.as(state, new Actor(changedById, changedByName), changedAt, note);
    }

    public void store(DecisionCondition condition) {
        Actor by = condition.changedBy();
        Instant at = condition.changedAt();
        if (by == null || at == null) {
            throw new IllegalArgumentException("Only a condition marked met or reopened is stored");
        }
        this.state = condition.state();
        this.changedById = by.accountId();
        this.changedByName = by.name();
        this.changedAt = at;
        this.note = condition.note();
    }
}
