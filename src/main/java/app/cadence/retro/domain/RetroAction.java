package app.cadence.retro.domain;

import app.cadence.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * An action item agreed in a retrospective: owned by one member, due on a day or not, open until
 * done or dropped with a reason — often at the next retrospective of the project, which reviews
 * the open ones (carry-over).
 */
@Entity
@Table(name = "retro_action")
public class RetroAction extends AbstractEntity {

    public static final int TITLE_MAX = 300;
    public static final int REASON_MAX = 2000;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId;

    @Column(name = "session_id", nullable = false, updatable = false)
    private Long sessionId;

    @Column(name = "project_id", nullable = false, updatable = false)
    private Long projectId;

    @Column(name = "group_id", updatable = false)
    private @Nullable Long groupId;

    @Column(nullable = false, length = TITLE_MAX)
    private String title;

    @Column(name = "owner_id", nullable = false)
    private Long ownerId;

    @Column(name = "owner_name", nullable = false, length = 120)
    private String ownerName;

    @Column(name = "due_on")
    private @Nullable LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private ActionStatus status;

    @Column(name = "status_reason", length = REASON_MAX)
    private @Nullable String statusReason;

    @Column(name = "reviewed_in_session_id")
    private @Nullable Long reviewedInSessionId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 254)
    private String createdBy;

    @Column(name = "closed_at")
    private @Nullable Instant closedAt;

    @Version
    private long version;

    protected RetroAction() {
        this.sessionId = 0L;
        this.projectId = 0L;
        this.title = "";
        this.ownerId = 0L;
        this.ownerName = "";
        this.status = ActionStatus.OPEN;
        this.createdAt = Instant.EPOCH;
        this.createdBy = "";
    }

    public RetroAction(RetroSession session, @Nullable Long groupId, String title, Long ownerId, String ownerName, @Nullable LocalDate dueOn,
                       Instant at, String by) {
        this.sessionId = java.util.Objects.requireNonNull(session.getId());
        this.projectId = session.getProjectId();
        this.groupId = groupId;
        this.status = ActionStatus.OPEN;
        this.createdAt = at;
        this.createdBy = by;
        edit(title, ownerId, ownerName, dueOn);
    }

    public void edit(String title, Long ownerId, String ownerName, @Nullable LocalDate dueOn) {
        String trimmed = title == null ? "" : title.strip();
        if (trimmed.isEmpty()) {
            throw new RetroRuleException("title", "Say what is to be done.");
        }
        if (trimmed.length() > TITLE_MAX) {
            throw new RetroRuleException("title", "Keep an action to " + TITLE_MAX + " characters.");
        }
        this.title = trimmed;
        this.ownerId = ownerId;
        this.ownerName = ownerName;
        this.dueOn = dueOn;
    }

    /**
     * Records the action's state: done, dropped (a reason is required, so that the next
     * retrospective knows why), or still open; {@code inSession} is the retrospective that reviewed
     * it, if it was reviewed in one.
     */
    public void settle(ActionStatus status, @Nullable String reason, @Nullable Long inSession, Instant at) {
        String trimmed = reason == null ? null : reason.strip();
        if (status == ActionStatus.DROPPED && (trimmed == null || trimmed.isEmpty())) {
            throw new RetroRuleException("reason", "Say why the action is dropped.");
        }
        if (trimmed != null && trimmed.length() > REASON_MAX) {
            throw new RetroRuleException("reason", "Keep the reason to " + REASON_MAX + " characters.");
        }
        this.status = status;
        this.statusReason = trimmed == null || trimmed.isEmpty() ? null : trimmed;
        this.closedAt = status == ActionStatus.OPEN ? null : at;
        if (inSession != null) {
            this.reviewedInSessionId = inSession;
        }
    }

    public boolean isOverdue(LocalDate today) {
        return status == ActionStatus.OPEN && dueOn != null && dueOn.isBefore(today);
    }

    public Long getSessionId() {
        return sessionId;
    }

    public Long getProjectId() {
        return projectId;
    }

    public @Nullable Long getGroupId() {
        return groupId;
    }

    public String getTitle() {
        return title;
    }

    public Long getOwnerId() {
        return ownerId;
    }

    public String getOwnerName() {
        return ownerName;
    }

    public @Nullable LocalDate getDueOn() {
        return dueOn;
    }

    public ActionStatus getStatus() {
        return status;
    }

    public @Nullable String getStatusReason() {
        return statusReason;
    }

    public @Nullable Long getReviewedInSessionId() {
        return reviewedInSessionId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public @Nullable Instant getClosedAt() {
        return closedAt;
    }

    public long getVersion() {
        return version;
    }
}
