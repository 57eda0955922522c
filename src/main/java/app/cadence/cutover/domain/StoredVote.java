package app.cadence.cutover.domain;

import app.cadence.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** A required approver of a go/no-go decision and, once cast, their vote. */
@Entity
@Table(name = "cutover_vote")
public class StoredVote extends AbstractEntity {

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId;

    @Column(name = "decision_id", nullable = false, updatable = false)
    private Long decisionId;

    @Column(name = "approver_id", nullable = false, updatable = false)
    private Long approverId;

    @Column(name = "approver_name", nullable = false, updatable = false, length = 120)
    private String approverName;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(length = 30)
    private @Nullable Verdict verdict;

    @Column(length = 2000)
    private @Nullable String comment;

    @Column(name = "voted_at")
    private @Nullable Instant votedAt;

    protected StoredVote() {
        this.decisionId = 0L;
        this.approverId = 0L;
        this.approverName = "";
    }

    public StoredVote(Long decisionId, Actor approver) {
        this.decisionId = decisionId;
        this.approverId = approver.accountId();
        this.approverName = approver.name();
    }

    public Long getDecisionId() {
        return decisionId;
    }

    public Actor approver() {
        return new Actor(approverId, approverName);
    }

    public @Nullable Vote vote() {
        return verdict == null || votedAt == null ? null : new Vote(approver(), verdict, comment, votedAt);
    }

    public void store(@Nullable Vote vote) {
        this.verdict = vote == null ? null : vote.verdict();
        this.comment = vote == null ? null : vote.comment();
        this.votedAt = vote == null ? null : vote.at();
    }
}
