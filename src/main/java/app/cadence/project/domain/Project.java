package app.cadence.project.domain;

import app.cadence.shared.domain.AuditedEntity;
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

/** A project of one tenant: the thing templates are applied to and the portfolio rolls up. */
@Entity
@Table(name = "project")
public class Project extends AuditedEntity {

    public static final int KEY_MAX = 20;
    public static final int NAME_MAX = 120;
    public static final int DESCRIPTION_MAX = 2000;
    public static final int SPONSOR_MAX = 120;
    public static final int HEALTH_REASON_MAX = 500;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId; // filled by Hibernate from the current tenant on insert

    @Column(name = "project_key", nullable = false, length = KEY_MAX)
    private String key;

    @Column(nullable = false, length = NAME_MAX)
    private String name;

    @Column(length = DESCRIPTION_MAX)
    private @Nullable String description;

    /** The project manager: a member of the same tenant (checked by the service). */
    @Column(name = "pm_user_id")
    private @Nullable Long pmUserId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private ProjectStatus status = ProjectStatus.PROPOSED;

    @Column(name = "start_date")
    private @Nullable LocalDate startDate;

    @Column(name = "go_live_date")
    private @Nullable LocalDate goLiveDate;

    @Column(name = "close_date")
    private @Nullable LocalDate closeDate;

    /** The program the project belongs to, in the same tenant (checked by the service). */
    @Column(name = "program_id")
    private @Nullable Long programId;

    @Column(length = SPONSOR_MAX)
    private @Nullable String sponsor;

    /** A health set by hand; null when the computed health stands. */
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "health_override", length = 10)
    private @Nullable Health healthOverride;

    @Column(name = "health_override_reason", length = HEALTH_REASON_MAX)
    private @Nullable String healthOverrideReason;

    @Column(name = "health_override_by", length = 254)
    private @Nullable String healthOverrideBy;

    @Column(name = "health_override_at")
    private @Nullable Instant healthOverrideAt;

    protected Project() {
        this.key = "";
        this.name = "";
    }

    public Project(String key, String name, Instant now, String createdBy) {
        this();
        this.key = key;
        this.name = name;
        created(now, createdBy);
    }

    public void describe(String key, String name, @Nullable String description, @Nullable Long pmUserId,
                         ProjectStatus status, @Nullable LocalDate startDate, @Nullable LocalDate goLiveDate) {
        this.key = key;
        this.name = name;
        this.description = description;
        this.pmUserId = pmUserId;
        this.status = status;
        this.startDate = startDate;
        this.goLiveDate = goLiveDate;
    }

    public @Nullable Long getTenantId() {
        return tenantId;
    }

    public String getKey() {
        return key;
    }

    public String getName() {
        return name;
    }

    public @Nullable String getDescription() {
        return description;
    }

    public @Nullable Long getPmUserId() {
        return pmUserId;
    }

    public ProjectStatus getStatus() {
        return status;
    }

    public @Nullable LocalDate getStartDate() {
        return startDate;
    }

    public @Nullable LocalDate getGoLiveDate() {
        return goLiveDate;
    }

    public @Nullable LocalDate getCloseDate() {
        return closeDate;
    }

    public @Nullable Long getProgramId() {
        return programId;
    }

    public @Nullable String getSponsor() {
        return sponsor;
    }

    public void organise(@Nullable Long newProgramId, @Nullable String newSponsor, @Nullable LocalDate newCloseDate) {
        this.programId = newProgramId;
        this.sponsor = newSponsor;
        this.closeDate = newCloseDate;
    }

    /** Overrides the computed health; a reason is required and who set it, when, is kept. */
    public void overrideHealth(Health health, String reason, Instant at, String by) {
        if (reason.isBlank()) {
            throw new IllegalArgumentException("A health override needs a reason.");
        }
        this.healthOverride = health;
        this.healthOverrideReason = reason.strip();
        this.healthOverrideBy = by;
        this.healthOverrideAt = at;
    }

    public void clearHealthOverride() {
        this.healthOverride = null;
        this.healthOverrideReason = null;
        this.healthOverrideBy = null;
        this.healthOverrideAt = null;
    }

    public @Nullable Health getHealthOverride() {
        return healthOverride;
    }

    public @Nullable String getHealthOverrideReason() {
        return healthOverrideReason;
    }

    public @Nullable String getHealthOverrideBy() {
        return healthOverrideBy;
    }

    public @Nullable Instant getHealthOverrideAt() {
        return healthOverrideAt;
    }
}
