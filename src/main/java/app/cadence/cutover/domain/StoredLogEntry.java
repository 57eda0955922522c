package app.cadence.cutover.domain;

import app.cadence.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** One {@link RunLogEntry} of a run, as stored; written once, never changed. */
@Entity
@Table(name = "cutover_run_log")
public class StoredLogEntry extends AbstractEntity {

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId;

    @Column(name = "run_id", nullable = false, updatable = false)
    private Long runId;

    @Column(name = "logged_at", nullable = false, updatable = false)
    private Instant loggedAt;

    @Column(name = "by_id", nullable = false, updatable = false)
    private long byId;

    @Column(name = "by_name", nullable = false, updatable = false, length = 120)
    private String byName;

    @Column(nullable = false, updatable = false, length = 300)
    private String what;

    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "step_key", updatable = false, length = 36)
    private @Nullable UUID stepKey;

    @Column(updatable = false, length = 2000)
    private @Nullable String reason;

    @Column(name = "override_used", nullable = false, updatable = false)
    private boolean overrideUsed;

    protected StoredLogEntry() {
        this.runId = 0L;
        this.loggedAt = Instant.EPOCH;
        this.byName = "";
        this.what = "";
    }

    public StoredLogEntry(Long runId, RunLogEntry entry) {
        this.runId = runId;
        this.loggedAt = entry.at();
        this.byId = entry.by().accountId();
        this.byName = entry.by().name();
        this.what = entry.what().length() > 300 ? entry.what().substring(0, 299) + "…" : entry.what();
        this.stepKey = entry.stepKey();
        this.reason = entry.reason();
        this.overrideUsed = entry.override();
    }

    public RunLogEntry entry() {
        return new RunLogEntry(loggedAt, new Actor(byId, byName), what, stepKey, reason, overrideUsed);
    }
}
