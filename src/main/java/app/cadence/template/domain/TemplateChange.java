package app.cadence.template.domain;

import app.cadence.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** One recorded change to a template: append-only, never edited or deleted. */
@Entity
@Immutable
@Table(name = "template_change")
public class TemplateChange extends AbstractEntity {

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId;

    @Column(name = "template_id", nullable = false, updatable = false)
    private Long templateId;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    @Column(name = "changed_by", nullable = false, updatable = false, length = 254)
    private String changedBy;

    @Column(nullable = false, updatable = false, length = 500)
    private String summary;

    protected TemplateChange() {
        this.templateId = 0L;
        this.changedAt = Instant.EPOCH;
        this.changedBy = "";
        this.summary = "";
    }

    public TemplateChange(Long templateId, Instant changedAt, String changedBy, String summary) {
        this.templateId = templateId;
        this.changedAt = changedAt;
        this.changedBy = changedBy;
        this.summary = summary.length() > 500 ? summary.substring(0, 497) + "…" : summary;
    }

    public Long getTemplateId() {
        return templateId;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public String getSummary() {
        return summary;
    }
}
