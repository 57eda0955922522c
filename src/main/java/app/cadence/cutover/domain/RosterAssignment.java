package app.cadence.cutover.domain;

import app.cadence.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** In one run, one member holds one owner role of the runbook: every step of that role is theirs. */
@Entity
@Table(name = "cutover_run_role")
public class RosterAssignment extends AbstractEntity {

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId;

    @Column(name = "run_id", nullable = false, updatable = false)
    private Long runId;

    @Column(name = "role_name", nullable = false, updatable = false, length = 60)
    private String roleName;

    @Column(name = "user_id", nullable = false, updatable = false)
    private Long userId;

    protected RosterAssignment() {
        this.runId = 0L;
        this.roleName = "";
        this.userId = 0L;
    }

    public RosterAssignment(Long runId, String roleName, Long userId) {
        this.runId = runId;
        this.roleName = roleName;
        this.userId = userId;
    }

    public String getRoleName() {
        return roleName;
    }

    public Long getUserId() {
        return userId;
    }
}
