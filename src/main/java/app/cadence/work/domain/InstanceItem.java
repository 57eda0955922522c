package app.cadence.work.domain;

import app.cadence.shared.domain.AuditedEntity;
import app.cadence.template.domain.SectionRole;
import app.cadence.template.domain.StepType;
import app.cadence.template.domain.TemplateKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * One item of an instance: a copy of a template item (same key, from the instance's version)
 * plus its live state. The section is copied onto each item; an instance's items are always
 * read together, in section and item order.
 */
@Entity
@Table(name = "instance_item")
public class InstanceItem extends AuditedEntity {

    public static final int NOTES_MAX = 4000;
    public static final int EVIDENCE_MAX = 1000;
    public static final int BLOCKED_REASON_MAX = 500;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId;

    @Column(name = "instance_id", nullable = false, updatable = false)
    private Long instanceId;

    @Column(name = "project_id", nullable = false, updatable = false)
    private Long projectId;

    /** The instance's template kind, copied so that roll-ups by kind need no join. */
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "instance_kind", nullable = false, updatable = false, length = 30)
    private TemplateKind instanceKind;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "item_key", nullable = false, updatable = false, length = 36)
    private UUID key;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "section_key", nullable = false, length = 36)
    private UUID sectionKey;

    @Column(name = "section_title", nullable = false, length = 200)
    private String sectionTitle;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "section_role", length = 20)
    private @Nullable SectionRole sectionRole;

    @Column(name = "section_position", nullable = false)
    private int sectionPosition;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = 200)
    private String title;

    @Lob
    @Column(length = Integer.MAX_VALUE)
    private @Nullable String details;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "step_type", length = 20)
    private @Nullable StepType stepType;

    @Column(name = "owner_role", length = 60)
    private @Nullable String ownerRole;

    @Column(name = "duration_minutes")
    private @Nullable Integer durationMinutes;

    /** Keys of the steps this one waits for, comma-separated. */
    @Column(length = 4000)
    private @Nullable String predecessors;

    @Column(name = "evidence_required", nullable = false)
    private boolean evidenceRequired;

    @Column(name = "critical_path", nullable = false)
    private boolean criticalPath;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private ItemStatus status = ItemStatus.OPEN;

    @Column(name = "assignee_user_id")
    private @Nullable Long assigneeUserId;

    @Column(name = "due_at")
    private @Nullable Instant dueAt;

    @Column(name = "started_at")
    private @Nullable Instant startedAt;

    @Column(name = "completed_at")
    private @Nullable Instant completedAt;

    @Column(name = "completed_by", length = 254)
    private @Nullable String completedBy;

    @Column(length = NOTES_MAX)
    private @Nullable String notes;

    @Column(name = "evidence_url", length = EVIDENCE_MAX)
    private @Nullable String evidenceUrl;

    @Column(name = "blocked_reason", length = BLOCKED_REASON_MAX)
    private @Nullable String blockedReason;

    /** Kept, with its progress, after an upgrade to a template version that no longer has it. */
    @Column(name = "outside_template", nullable = false)
    private boolean outsideTemplate;

    protected InstanceItem() {
        this.instanceId = 0L;
        this.projectId = 0L;
        this.instanceKind = TemplateKind.CUTOVER;
        this.key = new UUID(0, 0);
        this.sectionKey = new UUID(0, 0);
        this.sectionTitle = "";
        this.title = "";
    }

    /** The copy of one planned template item. */
    public record Copy(UUID key, UUID sectionKey, String sectionTitle, @Nullable SectionRole sectionRole, int sectionPosition,
                       int position, String title, @Nullable String details, @Nullable StepType stepType,
                       @Nullable String ownerRole, @Nullable Integer durationMinutes, @Nullable String predecessors,
                       boolean evidenceRequired, boolean criticalPath, @Nullable Instant dueAt) {
    }

    public InstanceItem(Long instanceId, Long projectId, TemplateKind instanceKind, Copy copy, Instant now, String by) {
        this();
        this.instanceId = instanceId;
        this.projectId = projectId;
        this.instanceKind = instanceKind;
        this.key = copy.key();
        followTemplate(copy, false);
        created(now, by);
    }

    /**
     * Moves the item to a status, keeping the facts that go with it: who completed it and when,
     * when work started, why it is blocked (a reason is required for blocked, cleared otherwise).
     */
    public void changeStatus(ItemStatus newStatus, @Nullable String reason, Instant now, String by) {
        if (newStatus == ItemStatus.BLOCKED && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("A blocked item needs a reason.");
        }
        if (newStatus == ItemStatus.DONE && status != ItemStatus.DONE) {
            completedAt = now;
            completedBy = by;
        } else if (newStatus != ItemStatus.DONE) {
            completedAt = null;
            completedBy = null;
        }
        if ((newStatus == ItemStatus.IN_PROGRESS || newStatus == ItemStatus.DONE) && startedAt == null) {
            startedAt = now;
        }
        blockedReason = newStatus == ItemStatus.BLOCKED ? reason.strip() : null;
        status = newStatus;
    }

    /**
     * Takes the template's side of the item from a newer version (title, details, plan facts,
     * place); the team's side — status, assignee, notes, evidence — stays. The due date follows the
     * new plan unless the team moved it ({@code keepDue}).
     */
    public void followTemplate(Copy copy, boolean keepDue) {
        this.sectionKey = copy.sectionKey();
        this.sectionTitle = copy.sectionTitle();
        this.sectionRole = copy.sectionRole();
        this.sectionPosition = copy.sectionPosition();
        this.position = copy.position();
        this.title = copy.title();
        this.details = copy.details();
        this.stepType = copy.stepType();
        this.ownerRole = copy.ownerRole();
        this.durationMinutes = copy.durationMinutes();
        this.predecessors = copy.predecessors();
        this.evidenceRequired = copy.evidenceRequired();
        this.criticalPath = copy.criticalPath();
        if (!keepDue) {
            this.dueAt = copy.dueAt();
        }
        this.outsideTemplate = false;
    }

    /** Kept after an upgrade whose version no longer has it: marked, placed where the merge puts it, off the critical path. */
    public void leaveTemplate(int newSectionPosition, int newPosition) {
        this.sectionPosition = newSectionPosition;
        this.position = newPosition;
        this.criticalPath = false;
        this.outsideTemplate = true;
    }

    public void assign(@Nullable Long userId) {
        this.assigneeUserId = userId;
    }

    public void reschedule(@Nullable Instant dueAt) {
        this.dueAt = dueAt;
    }

    public void annotate(@Nullable String notes, @Nullable String evidenceUrl) {
        this.notes = notes;
        this.evidenceUrl = evidenceUrl;
    }

    public Long getInstanceId() {
        return instanceId;
    }

    public TemplateKind getInstanceKind() {
        return instanceKind;
    }

    public Long getProjectId() {
        return projectId;
    }

    public UUID getKey() {
        return key;
    }

    public UUID getSectionKey() {
        return sectionKey;
    }

    public String getSectionTitle() {
        return sectionTitle;
    }

    public @Nullable SectionRole getSectionRole() {
        return sectionRole;
    }

    public int getSectionPosition() {
        return sectionPosition;
    }

    public int getPosition() {
        return position;
    }

    public String getTitle() {
        return title;
    }

    public @Nullable String getDetails() {
        return details;
    }

    public @Nullable StepType getStepType() {
        return stepType;
    }

    public @Nullable String getOwnerRole() {
        return ownerRole;
    }

    public @Nullable Integer getDurationMinutes() {
        return durationMinutes;
    }

    public @Nullable String getPredecessors() {
        return predecessors;
    }

    public boolean isEvidenceRequired() {
        return evidenceRequired;
    }

    public boolean isCriticalPath() {
        return criticalPath;
    }

    public ItemStatus getStatus() {
        return status;
    }

    public @Nullable Long getAssigneeUserId() {
        return assigneeUserId;
    }

    public @Nullable Instant getDueAt() {
        return dueAt;
    }

    public @Nullable Instant getStartedAt() {
        return startedAt;
    }

    public @Nullable Instant getCompletedAt() {
        return completedAt;
    }

    public @Nullable String getCompletedBy() {
        return completedBy;
    }

    public @Nullable String getNotes() {
        return notes;
    }

    public @Nullable String getEvidenceUrl() {
        return evidenceUrl;
    }

    public @Nullable String getBlockedReason() {
        return blockedReason;
    }

    public boolean isOutsideTemplate() {
        return outsideTemplate;
    }
}
