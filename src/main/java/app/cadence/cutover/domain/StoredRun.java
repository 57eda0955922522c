package app.cadence.cutover.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import app.cadence.shared.domain.AbstractEntity;

/**
 * A run as stored: the {@link CutoverRun} value plus what ties it to its instance, who leads it
 * and whether rollback was invoked. The rules live in {@link CutoverRun} and {@link RunSteps};
 * this class only carries their state to the database and back.
 */
@Entity
@Table(name = "cutover_run")
public class StoredRun extends AbstractEntity {

    /** The go-live's number: rehearsals are numbered from 1. */
    public static final int LIVE_NUMBER = 0;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId;

    @Column(name = "instance_id", nullable = false, updatable = false)
    private Long instanceId;

    @Column(name = "project_id", nullable = false, updatable = false)
    private Long projectId;

    /** The published template version whose plan this run follows: fixed when the run is created. */
    @Column(name = "template_version_id", nullable = false, updatable = false)
    private Long templateVersionId;

    /** The instance's zone: planned times keep their calendar day across a daylight-saving change in it. */
    @Column(name = "time_zone", nullable = false, updatable = false, length = 60)
    private String timeZone;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, updatable = false, length = 20)
    private RunKind kind;

    @Column(name = "run_number", nullable = false, updatable = false)
    private int runNumber;

    @Column(name = "planned_t0", nullable = false)
    private Instant plannedT0;

    @Column(name = "lead_minutes", nullable = false)
    private int leadMinutes;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private RunState state;

    @Column(name = "started_at")
    private @Nullable Instant startedAt;

    @Column(name = "actual_t0")
    private @Nullable Instant actualT0;

    @Column(name = "pause_reason", length = 2000)
    private @Nullable String pauseReason;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(length = 20)
    private @Nullable RunOutcome outcome;

    @Column(name = "end_note", length = 2000)
    private @Nullable String endNote;

    @Column(name = "ended_at")
    private @Nullable Instant endedAt;

    @Column(name = "lead_user_id", nullable = false)
    private Long leadUserId;

    @Column(name = "rollback_at")
    private @Nullable Instant rollbackAt;

    @Column(name = "rollback_by_id")
    private @Nullable Long rollbackById;

    @Column(name = "rollback_by_name", length = 120)
    private @Nullable String rollbackByName;

    @Column(name = "rollback_reason", length = 2000)
    private @Nullable String rollbackReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 254)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected StoredRun() {
        this.instanceId = 0L;
        this.projectId = 0L;
        this.templateVersionId = 0L;
        this.timeZone = "UTC";
        this.kind = RunKind.REHEARSAL;
        this.plannedT0 = Instant.EPOCH;
        this.state = RunState.SCHEDULED;
        this.leadUserId = 0L;
        this.createdAt = Instant.EPOCH;
        this.createdBy = "";
        this.updatedAt = Instant.EPOCH;
    }

    public StoredRun(Long instanceId, Long projectId, Long templateVersionId, ZoneId zone, CutoverRun run, Long leadUserId,
                     Instant at, String by) {
        this.instanceId = instanceId;
        this.projectId = projectId;
        this.templateVersionId = templateVersionId;
        this.timeZone = zone.getId();
        this.kind = run.kind();
        this.runNumber = run.kind() == RunKind.LIVE ? LIVE_NUMBER : java.util.Objects.requireNonNull(run.rehearsalNumber());
        this.leadUserId = leadUserId;
        this.createdAt = at;
        this.createdBy = by;
        store(run, at);
    }

    /** The run's life as the domain sees it. */
    public CutoverRun run() {
        return new CutoverRun(kind, kind == RunKind.LIVE ? null : runNumber, plannedT0, Duration.ofMinutes(leadMinutes), state,
                startedAt, actualT0, pauseReason, outcome, endNote, endedAt);
    }

    public void store(CutoverRun run, Instant at) {
        this.plannedT0 = run.plannedT0();
        this.leadMinutes = Math.toIntExact(run.leadTime().toMinutes());
        this.state = run.state();
        this.startedAt = run.startedAt();
        this.actualT0 = run.actualT0();
        this.pauseReason = run.pauseReason();
        this.outcome = run.outcome();
        this.endNote = run.endNote();
        this.endedAt = run.endedAt();
        this.updatedAt = at;
    }

    public @Nullable RollbackInvocation rollback() {
        return rollbackAt == null || rollbackById == null ? null
                : new RollbackInvocation(new Actor(rollbackById, String.valueOf(rollbackByName)), rollbackAt, String.valueOf(rollbackReason));
    }

    public void storeRollback(@Nullable RollbackInvocation rollback) {
        this.rollbackAt = rollback == null ? null : rollback.at();
        this.rollbackById = rollback == null ? null : rollback.by().accountId();
        this.rollbackByName = rollback == null ? null : rollback.by().name();
        this.rollbackReason = rollback == null ? null : rollback.reason();
    }

    public void handOverLeadTo(Long userId, Instant at) {
        this.leadUserId = userId;
        this.updatedAt = at;
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

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Long getLeadUserId() {
        return leadUserId;
    }

    public RunKind getKind() {
        return kind;
    }

    public int getRunNumber() {
        return runNumber;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
