package app.cadence.work.service;

import app.cadence.work.domain.Anchors;
import app.cadence.project.domain.Health;
import app.cadence.work.domain.ItemField;
import app.cadence.work.domain.ItemStatus;
import app.cadence.work.domain.PlannedItem;
import app.cadence.template.domain.SectionRole;
import app.cadence.template.domain.StepType;
import app.cadence.template.domain.TemplateKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/** What the instance screens show and send, as plain values (no entities leave the service). */
@NamedInterface("api")
public final class InstanceViews {

    private InstanceViews() {
    }

    /** Apply a published template version to a project. */
    public record InstantiationRequest(Long projectId, Long templateId, Long versionId, String name, Anchors anchors) {
    }

    /** The computed plan, before anything is saved. */
    public record Preview(String templateName, int versionNumber, TemplateKind kind, ZoneId zone, List<PlannedItem> items) {
    }

    /** One item with its live state, and what the current user may change on it. */
    public record ItemView(Long id, long version, UUID key, UUID sectionKey, String sectionTitle, @Nullable SectionRole sectionRole,
                           String title, @Nullable String details, @Nullable StepType stepType, @Nullable String ownerRole,
                           @Nullable Integer durationMinutes, boolean evidenceRequired, boolean criticalPath,
                           ItemStatus status, @Nullable Long assigneeUserId, @Nullable String assigneeName,
                           @Nullable Instant dueAt, @Nullable Instant startedAt, @Nullable Instant completedAt,
                           @Nullable String completedBy, @Nullable String notes, @Nullable String evidenceUrl,
                           @Nullable String blockedReason, String updatedBy, Instant updatedAt, Set<ItemField> editable,
                           boolean outsideTemplate) {

        /** Outstanding past its due time; a rollback step never is: it runs only if rollback is invoked. */
        public boolean overdue(Instant now) {
            return !rollback() && status.isOutstanding() && dueAt != null && dueAt.isBefore(now);
        }

        /** A step of the runbook's rollback branch. */
        public boolean rollback() {
            return sectionRole == SectionRole.ROLLBACK;
        }

        /** Counts towards the instance's progress: not not-applicable, not a rollback step. */
        public boolean counts() {
            return !rollback() && status.countsTowardsProgress();
        }

        public boolean canEdit(ItemField field) {
            return editable.contains(field);
        }

        /** The same item as another reader sees it: with what that reader may change. */
        public ItemView withEditable(Set<ItemField> fields) {
            return new ItemView(id, version, key, sectionKey, sectionTitle, sectionRole, title, details, stepType, ownerRole,
                    durationMinutes, evidenceRequired, criticalPath, status, assigneeUserId, assigneeName, dueAt, startedAt,
                    completedAt, completedBy, notes, evidenceUrl, blockedReason, updatedBy, updatedAt, fields, outsideTemplate);
        }
    }

    /** An instance page: the instance, its items in order, and who items can be assigned to. */
    public record InstanceDetails(Long id, long version, Long projectId, String projectKey, String projectName, String name,
                                  Long templateId, String templateName, int versionNumber, TemplateKind kind,
                                  @Nullable Instant anchorAt, @Nullable LocalDate planStart, @Nullable LocalDate planEnd,
                                  @Nullable LocalDate goLive, ZoneId zone, List<ItemView> items,
                                  boolean canManage, Long currentUserId) {
    }

    /**
     * A user's edit of one item: the version they started from and every field's new value.
     * Only fields that differ from the stored item are changed (and checked against permissions).
     */
    public record ItemUpdate(Long itemId, long version, ItemStatus status, @Nullable String blockedReason,
                             @Nullable Long assigneeUserId, @Nullable Instant dueAt, @Nullable String notes,
                             @Nullable String evidenceUrl) {

        public static ItemUpdate from(ItemView item) {
            return new ItemUpdate(item.id(), item.version(), item.status(), item.blockedReason(), item.assigneeUserId(),
                    item.dueAt(), item.notes(), item.evidenceUrl());
        }

        public ItemUpdate withStatus(ItemStatus newStatus, @Nullable String reason) {
            return new ItemUpdate(itemId, version, newStatus, reason, assigneeUserId, dueAt, notes, evidenceUrl);
        }
    }

    /** An item as a bulk change saw it: a changed version means someone else changed it meanwhile. */
    public record ItemRef(Long id, long version) {
    }

    /** A project's health: the one that stands (override or computed), and the computed one beside it. */
}
