package app.cadence.cutover.domain;

import app.cadence.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** One step's {@link StepProgress} in one run, as stored. */
@Entity
@Table(name = "cutover_run_step")
public class StoredStep extends AbstractEntity {

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId;

    @Column(name = "run_id", nullable = false, updatable = false)
    private Long runId;

    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "step_key", nullable = false, updatable = false, length = 36)
    private UUID stepKey;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private StepState state;

    @Column(name = "started_at")
    private @Nullable Instant startedAt;

    @Column(name = "started_by_id")
    private @Nullable Long startedById;

    @Column(name = "started_by_name", length = 120)
    private @Nullable String startedByName;

    @Column(name = "finished_at")
    private @Nullable Instant finishedAt;

    @Column(name = "finished_by_id")
    private @Nullable Long finishedById;

    @Column(name = "finished_by_name", length = 120)
    private @Nullable String finishedByName;

    @Column(length = 2000)
    private @Nullable String evidence;

    @Column(length = 2000)
    private @Nullable String reason;

    protected StoredStep() {
        this.runId = 0L;
        this.stepKey = new UUID(0, 0);
        this.state = StepState.WAITING;
    }

    public StoredStep(Long runId, StepProgress progress) {
        this.runId = runId;
        this.stepKey = progress.key();
        store(progress);
    }

    public UUID getStepKey() {
        return stepKey;
    }

    public StepState getState() {
        return state;
    }

    public StepProgress progress() {
        return new StepProgress(stepKey, state, startedAt, actor(startedById, startedByName), finishedAt,
                actor(finishedById, finishedByName), evidence, reason);
    }

    /** Takes the step's new progress; returns whether anything changed (only changed rows are written). */
    public boolean store(StepProgress progress) {
        if (Objects.equals(progress(), progress)) {
            return false;
        }
        this.state = progress.state();
        this.startedAt = progress.startedAt();
        this.startedById = progress.startedBy() == null ? null : progress.startedBy().accountId();
        this.startedByName = progress.startedBy() == null ? null : progress.startedBy().name();
        this.finishedAt = progress.finishedAt();
        this.finishedById = progress.finishedBy() == null ? null : progress.finishedBy().accountId();
        this.finishedByName = progress.finishedBy() == null ? null : progress.finishedBy().name();
        this.evidence = progress.evidence();
        this.reason = progress.reason();
        return true;
    }

    private static @Nullable Actor actor(@Nullable Long id, @Nullable String name) {
        return id == null ? null : new Actor(id, String.valueOf(name));
    }
}
