package app.cadence.work.domain;

import app.cadence.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * One upgrade of an instance to a newer version of its template: from and to which version, what
 * it did (counts), who and when, and — for its undo — a fingerprint of the items as the upgrade
 * left them: any later change of an item changes it, and the upgrade can no longer be undone.
 */
@Entity
@Table(name = "instance_upgrade")
public class InstanceUpgrade extends AbstractEntity {

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId;

    @Column(name = "instance_id", nullable = false, updatable = false)
    private Long instanceId;

    @Column(name = "project_id", nullable = false, updatable = false)
    private Long projectId;

    @Column(name = "template_id", nullable = false, updatable = false)
    private Long templateId;

    @Column(name = "from_version_id", nullable = false, updatable = false)
    private Long fromVersionId;

    @Column(name = "from_version_number", nullable = false, updatable = false)
    private int fromVersionNumber;

    @Column(name = "to_version_id", nullable = false, updatable = false)
    private Long toVersionId;

    @Column(name = "to_version_number", nullable = false, updatable = false)
    private int toVersionNumber;

    @Column(name = "added_count", nullable = false, updatable = false)
    private int added;

    @Column(name = "removed_count", nullable = false, updatable = false)
    private int removed;

    @Column(name = "kept_count", nullable = false, updatable = false)
    private int kept;

    @Column(name = "changed_count", nullable = false, updatable = false)
    private int changed;

    @Column(name = "moved_count", nullable = false, updatable = false)
    private int moved;

    @Column(name = "items_after", nullable = false, length = 64)
    private String itemsAfter = "";

    @Column(name = "upgraded_at", nullable = false, updatable = false)
    private Instant upgradedAt;

    @Column(name = "upgraded_by", nullable = false, updatable = false, length = 254)
    private String upgradedBy;

    @Column(name = "undone_at")
    private @Nullable Instant undoneAt;

    @Column(name = "undone_by", length = 254)
    private @Nullable String undoneBy;

    @Version
    private long version;

    protected InstanceUpgrade() {
        this.instanceId = 0L;
        this.projectId = 0L;
        this.templateId = 0L;
        this.fromVersionId = 0L;
        this.toVersionId = 0L;
        this.upgradedAt = Instant.EPOCH;
        this.upgradedBy = "";
    }

    public InstanceUpgrade(Instance instance, Long toVersionId, int toVersionNumber, UpgradeMerge merge, Instant now, String by) {
        this.instanceId = java.util.Objects.requireNonNull(instance.getId());
        this.projectId = instance.getProjectId();
        this.templateId = instance.getTemplateId();
        this.fromVersionId = instance.getTemplateVersionId();
        this.fromVersionNumber = instance.getVersionNumber();
        this.toVersionId = toVersionId;
        this.toVersionNumber = toVersionNumber;
        this.added = merge.added().size();
        this.removed = (int) (merge.removed().size() - merge.keptCount());
        this.kept = (int) merge.keptCount();
        this.changed = merge.changed().size();
        this.moved = merge.moved().size();
        this.upgradedAt = now;
        this.upgradedBy = by;
    }

    /** The items as the upgrade left them; an undo requires them unchanged. */
    public void leftItems(String fingerprint) {
        this.itemsAfter = fingerprint;
    }

    public void undone(Instant now, String by) {
        this.undoneAt = now;
        this.undoneBy = by;
    }

    public boolean isUndone() {
        return undoneAt != null;
    }

    /** "3 added, 1 removed, 2 kept outside the template, 4 changed, 1 moved", or "no item changed". */
    public String counts() {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (added > 0) {
            parts.add(added + " added");
        }
        if (removed > 0) {
            parts.add(removed + " removed");
        }
        if (kept > 0) {
            parts.add(kept + " kept outside the template");
        }
        if (changed > 0) {
            parts.add(changed + " changed");
        }
        if (moved > 0) {
            parts.add(moved + " moved");
        }
        return parts.isEmpty() ? "no item changed" : String.join(", ", parts);
    }

    public Long getInstanceId() {
        return instanceId;
    }

    public Long getProjectId() {
        return projectId;
    }

    public Long getTemplateId() {
        return templateId;
    }

    public Long getFromVersionId() {
        return fromVersionId;
    }

    public int getFromVersionNumber() {
        return fromVersionNumber;
    }

    public Long getToVersionId() {
        return toVersionId;
    }

    public int getToVersionNumber() {
        return toVersionNumber;
    }

    public int getAdded() {
        return added;
    }

    public int getRemoved() {
        return removed;
    }

    public int getKept() {
        return kept;
    }

    public int getChanged() {
        return changed;
    }

    public int getMoved() {
        return moved;
    }

    public String getItemsAfter() {
        return itemsAfter;
    }

    public Instant getUpgradedAt() {
        return upgradedAt;
    }

    public String getUpgradedBy() {
        return upgradedBy;
    }

    public @Nullable Instant getUndoneAt() {
        return undoneAt;
    }

    public @Nullable String getUndoneBy() {
        return undoneBy;
    }

    public long getVersion() {
        return version;
    }
}
