package app.cadence.work.domain;

import app.cadence.shared.domain.AuditedEntity;
import app.cadence.template.domain.TemplateKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A published template version applied to a project with its anchor dates. It keeps the
 * template's name and version number as they were, so that the instance reads the same after
 * the template moves on.
 */
@Entity
@Table(name = "project_instance")
public class Instance extends AuditedEntity {

    public static final int NAME_MAX = 120;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId;

    @Column(name = "project_id", nullable = false, updatable = false)
    private Long projectId;

    @Column(name = "template_id", nullable = false, updatable = false)
    private Long templateId;

    @Column(name = "template_version_id", nullable = false)
    private Long templateVersionId;

    @Column(name = "template_name", nullable = false, updatable = false, length = 120)
    private String templateName;

    @Column(name = "version_number", nullable = false)
    private int versionNumber;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, updatable = false, length = 30)
    private TemplateKind kind;

    @Column(nullable = false, length = NAME_MAX)
    private String name;

    /** T0 of a cutover, the session start of a retrospective. */
    @Column(name = "anchor_at")
    private @Nullable Instant anchorAt;

    @Column(name = "plan_start")
    private @Nullable LocalDate planStart;

    @Column(name = "plan_end")
    private @Nullable LocalDate planEnd;

    @Column(name = "go_live")
    private @Nullable LocalDate goLive;

    /** The zone the anchors were given in, so that they read back as the user typed them. */
    @Column(name = "time_zone", nullable = false, updatable = false, length = 60)
    private String timeZone;

    protected Instance() {
        this.projectId = 0L;
        this.templateId = 0L;
        this.templateVersionId = 0L;
        this.templateName = "";
        this.kind = TemplateKind.CUTOVER;
        this.name = "";
        this.timeZone = "UTC";
    }

    public Instance(Long projectId, Long templateId, Long templateVersionId, String templateName, int versionNumber,
                    TemplateKind kind, String name, String timeZone, Instant now, String by) {
        this.projectId = projectId;
        this.templateId = templateId;
        this.templateVersionId = templateVersionId;
        this.templateName = templateName;
        this.versionNumber = versionNumber;
        this.kind = kind;
        this.name = name;
        this.timeZone = timeZone;
        created(now, by);
    }

    public void anchor(@Nullable Instant anchorAt, @Nullable LocalDate planStart, @Nullable LocalDate planEnd, @Nullable LocalDate goLive) {
        this.anchorAt = anchorAt;
        this.planStart = planStart;
        this.planEnd = planEnd;
        this.goLive = goLive;
    }

    /** Now following another published version of its template (an upgrade, or its undo). */
    public void followVersion(Long versionId, int number) {
        this.templateVersionId = versionId;
        this.versionNumber = number;
    }

    public void rename(String name) {
        this.name = name;
    }

    public Long getProjectId() {
        return projectId;
    }

    public Long getTemplateId() {
        return templateId;
    }

    public Long getTemplateVersionId() {
        return templateVersionId;
    }

    public String getTemplateName() {
        return templateName;
    }

    public int getVersionNumber() {
        return versionNumber;
    }

    public TemplateKind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public @Nullable Instant getAnchorAt() {
        return anchorAt;
    }

    public @Nullable LocalDate getPlanStart() {
        return planStart;
    }

    public @Nullable LocalDate getPlanEnd() {
        return planEnd;
    }

    public @Nullable LocalDate getGoLive() {
        return goLive;
    }

    public String getTimeZone() {
        return timeZone;
    }
}
