package app.cadence.reporting.domain;

import app.cadence.project.domain.Health;
import app.cadence.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.Length;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A project's status report. While a draft, only the narrative is the project manager's; the rest
 * is read live. Publishing freezes the health, its reason and the generated sections as they were,
 * and stores the PDF made from them: a published report is the project record and never changes.
 * {@code openDraftOf} holds the project's id while the report is a draft (and null once published),
 * so that a unique key allows one open draft per project even when two people start one at once.
 */
@Entity
@Table(name = "status_report")
public class StatusReport extends AbstractEntity {

    public static final int NARRATIVE_MAX = 20_000;
    public static final int TITLE_MAX = 200;
    public static final int REASON_MAX = 1000;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId;

    @Column(name = "project_id", nullable = false, updatable = false)
    private Long projectId;

    @Column(name = "open_draft_of")
    private @Nullable Long openDraftOf;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private ReportState state;

    @Column(name = "as_of")
    private @Nullable LocalDate asOf;

    @Column(length = TITLE_MAX)
    private @Nullable String title;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(length = 20)
    private @Nullable Health health;

    @Column(name = "health_reason", length = REASON_MAX)
    private @Nullable String healthReason;

    @Lob
    @Column(nullable = false, length = Integer.MAX_VALUE)
    private String narrative;

    @Lob
    @Column(length = Integer.MAX_VALUE)
    private @Nullable String sections;

    @Lob
    @Column(name = "pdf", length = Length.LONG32)
    private byte @Nullable [] pdf;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 254)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 254)
    private String updatedBy;

    @Column(name = "published_at")
    private @Nullable Instant publishedAt;

    @Column(name = "published_by", length = 254)
    private @Nullable String publishedBy;

    @Version
    private long version;

    protected StatusReport() {
        this.projectId = 0L;
        this.state = ReportState.DRAFT;
        this.narrative = "";
        this.createdAt = Instant.EPOCH;
        this.createdBy = "";
        this.updatedAt = Instant.EPOCH;
        this.updatedBy = "";
    }

    public StatusReport(Long projectId, Instant now, String by) {
        this.projectId = projectId;
        this.openDraftOf = projectId;
        this.state = ReportState.DRAFT;
        this.narrative = "";
        this.createdAt = now;
        this.createdBy = by;
        this.updatedAt = now;
        this.updatedBy = by;
    }

    public boolean isPublished() {
        return state == ReportState.PUBLISHED;
    }

    public void writeNarrative(String text, Instant now, String by) {
        requireDraft();
        this.narrative = text;
        this.updatedAt = now;
        this.updatedBy = by;
    }

    /** Freezes what the report says; from here on nothing changes. */
    public void publish(LocalDate asOf, String title, Health health, String healthReason, String sections, byte[] pdf, Instant now,
                        String by) {
        requireDraft();
        this.asOf = asOf;
        this.title = title;
        this.health = health;
        this.healthReason = healthReason.length() > REASON_MAX ? healthReason.substring(0, REASON_MAX - 1) + "…" : healthReason;
        this.sections = sections;
        this.pdf = pdf.clone();
        this.state = ReportState.PUBLISHED;
        this.openDraftOf = null;
        this.publishedAt = now;
        this.publishedBy = by;
        this.updatedAt = now;
        this.updatedBy = by;
    }

    private void requireDraft() {
        if (isPublished()) {
            throw new IllegalStateException("A published status report never changes.");
        }
    }

    public Long getProjectId() {
        return projectId;
    }

    public ReportState getState() {
        return state;
    }

    public @Nullable LocalDate getAsOf() {
        return asOf;
    }

    public @Nullable String getTitle() {
        return title;
    }

    public @Nullable Health getHealth() {
        return health;
    }

    public @Nullable String getHealthReason() {
        return healthReason;
    }

    public String getNarrative() {
        return narrative;
    }

    public @Nullable String getSections() {
        return sections;
    }

    public byte @Nullable [] getPdf() {
        return pdf == null ? null : pdf.clone();
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public @Nullable Instant getPublishedAt() {
        return publishedAt;
    }

    public @Nullable String getPublishedBy() {
        return publishedBy;
    }

    public long getVersion() {
        return version;
    }
}
