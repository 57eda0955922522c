package app.cadence.audit.domain;

import app.cadence.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * One recorded change of business data: who, when, what, field, before → after. Append-only:
 * immutable to Hibernate, and no code path updates or deletes it.
 */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent extends AbstractEntity {

    public static final int VALUE_MAX = 2000;
    public static final int LABEL_MAX = 300;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false, length = 254)
    private String actor;

    @Column(name = "subject_type", nullable = false, updatable = false, length = 40)
    private String subjectType;

    @Column(name = "subject_id", nullable = false, updatable = false)
    private Long subjectId;

    /** What the change was made to, as people name it; null for a project's own fields. */
    @Column(name = "subject_label", updatable = false, length = LABEL_MAX)
    private @Nullable String subjectLabel;

    @Column(name = "project_id", updatable = false)
    private @Nullable Long projectId;

    @Column(nullable = false, updatable = false, length = 20)
    private String action;

    @Column(updatable = false, length = 60)
    private @Nullable String field;

    @Column(name = "before_value", updatable = false, length = VALUE_MAX)
    private @Nullable String before;

    @Column(name = "after_value", updatable = false, length = VALUE_MAX)
    private @Nullable String after;

    protected AuditEvent() {
        this.occurredAt = Instant.EPOCH;
        this.actor = "";
        this.subjectType = "";
        this.subjectId = 0L;
        this.action = "";
    }

    public AuditEvent(Instant occurredAt, String actor, String subjectType, Long subjectId, @Nullable String subjectLabel,
                      @Nullable Long projectId, String action, @Nullable String field, @Nullable String before, @Nullable String after) {
        this.subjectLabel = subjectLabel == null || subjectLabel.length() <= LABEL_MAX ? subjectLabel
                : subjectLabel.substring(0, LABEL_MAX - 1) + "…";
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.projectId = projectId;
        this.action = action;
        this.field = field;
        this.before = clip(before);
        this.after = clip(after);
    }

    private static @Nullable String clip(@Nullable String value) {
        return value == null || value.length() <= VALUE_MAX ? value : value.substring(0, VALUE_MAX - 1) + "…";
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public @Nullable String getSubjectLabel() {
        return subjectLabel;
    }

    public String getSubjectType() {
        return subjectType;
    }

    public Long getSubjectId() {
        return subjectId;
    }

    public String getAction() {
        return action;
    }

    public @Nullable String getField() {
        return field;
    }

    public @Nullable String getBefore() {
        return before;
    }

    public @Nullable String getAfter() {
        return after;
    }
}
