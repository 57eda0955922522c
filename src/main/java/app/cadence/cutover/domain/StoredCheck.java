package app.cadence.cutover.domain;

import app.cadence.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** One {@link CheckOccurrence} of a recurring hypercare check in one run, as stored. */
@Entity
@Table(name = "cutover_hypercare_check")
public class StoredCheck extends AbstractEntity {

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId;

    @Column(name = "run_id", nullable = false, updatable = false)
    private Long runId;

    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "step_key", nullable = false, updatable = false, length = 36)
    private UUID stepKey;

    @Column(name = "occurrence", nullable = false, updatable = false)
    private int number;

    @Column(name = "due_at", nullable = false, updatable = false)
    private Instant dueAt;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private CheckState state;

    @Column(name = "recorded_at")
    private @Nullable Instant recordedAt;

    @Column(name = "recorded_by_id")
    private @Nullable Long recordedById;

    @Column(name = "recorded_by_name", length = 120)
    private @Nullable String recordedByName;

    @Column(length = 2000)
    private @Nullable String note;

    @Version
    private long version;

    protected StoredCheck() {
        this.runId = 0L;
        this.stepKey = new UUID(0, 0);
        this.dueAt = Instant.EPOCH;
        this.state = CheckState.OPEN;
    }

    public StoredCheck(Long runId, UUID stepKey, CheckOccurrence occurrence) {
        this.runId = runId;
        this.stepKey = stepKey;
        this.number = occurrence.number();
        this.dueAt = occurrence.dueAt();
        this.state = occurrence.state();
        store(occurrence);
    }

    public UUID getStepKey() {
        return stepKey;
    }

    public Long getRunId() {
        return runId;
    }

    public CheckOccurrence occurrence() {
        return new CheckOccurrence(number, dueAt, state, recordedAt,
                recordedById == null ? null : new Actor(recordedById, String.valueOf(recordedByName)), note);
    }

    public void store(CheckOccurrence occurrence) {
        this.state = occurrence.state();
        this.recordedAt = occurrence.recordedAt();
        this.recordedById = occurrence.by() == null ? null : occurrence.by().accountId();
        this.recordedByName = occurrence.by() == null ? null : occurrence.by().name();
        this.note = occurrence.note();
    }
}
