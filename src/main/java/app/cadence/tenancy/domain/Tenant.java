package app.cadence.tenancy.domain;

import app.cadence.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** A client organisation; not tenant-owned: it is the tenant itself. */
@Entity
@Table(name = "tenant")
public class Tenant extends AbstractEntity {

    public static final int NAME_MAX = 120;

    /** Bounds of {@link #getLateStepMinutes()}: at least a minute, at most a day. */
    public static final int LATE_STEP_MINUTES_MIN = 1;
    public static final int LATE_STEP_MINUTES_MAX = 24 * 60;
    public static final int LATE_STEP_MINUTES_DEFAULT = 15;

    /**
     * Bounds of {@link #getHealthRedOverduePercent()}: 0 makes any overdue item red, 100 leaves
     * red to blocked critical steps (a share cannot be above 100%).
     */
    public static final int HEALTH_RED_OVERDUE_PERCENT_MIN = 0;
    public static final int HEALTH_RED_OVERDUE_PERCENT_MAX = 100;
    public static final int HEALTH_RED_OVERDUE_PERCENT_DEFAULT = 10;

    /** Bounds of {@link #getHealthGoLiveDays()}: a runbook is planned weeks ahead, not years. */
    public static final int HEALTH_GO_LIVE_DAYS_MIN = 1;
    public static final int HEALTH_GO_LIVE_DAYS_MAX = 365;
    public static final int HEALTH_GO_LIVE_DAYS_DEFAULT = 14;

    @Column(nullable = false, unique = true, length = 60)
    private String slug;

    @Column(nullable = false, length = NAME_MAX)
    private String name;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private TenantStatus status = TenantStatus.ACTIVE;

    /** The zone every due date of the tenant is computed and shown in. */
    @Column(name = "time_zone", nullable = false, length = 60)
    private String timeZone = "UTC";

    /** #rrggbb, checked before it gets here; null: Cadence's own colour. */
    @Column(name = "accent_colour", length = 7)
    private @Nullable String accentColour;

    /** How late a cutover step may run before its owner is told (issue C7). */
    @Column(name = "late_step_minutes", nullable = false)
    private int lateStepMinutes = LATE_STEP_MINUTES_DEFAULT;

    /** A project is red once the share of its due items that are overdue is above this percentage (issue C8). */
    @Column(name = "health_red_overdue_percent", nullable = false)
    private int healthRedOverduePercent = HEALTH_RED_OVERDUE_PERCENT_DEFAULT;

    /** A project going live within this many days with no cutover runbook applied is amber (issue C8). */
    @Column(name = "health_go_live_days", nullable = false)
    private int healthGoLiveDays = HEALTH_GO_LIVE_DAYS_DEFAULT;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "suspended_at")
    private @Nullable Instant suspendedAt;

    @Column(name = "suspended_reason", length = 500)
    private @Nullable String suspendedReason;

    @Version
    private long version;

    protected Tenant() {
        this.slug = "";
        this.name = "";
        this.createdAt = Instant.EPOCH;
    }

    public Tenant(String slug, String name, Instant createdAt) {
        this.slug = slug;
        this.name = name;
        this.createdAt = createdAt;
    }

    public String getSlug() {
        return slug;
    }

    public String getName() {
        return name;
    }

    public TenantStatus getStatus() {
        return status;
    }

    public boolean isActive() {
        return status == TenantStatus.ACTIVE;
    }

    public ZoneId getTimeZone() {
        return ZoneId.of(timeZone);
    }

    public void changeTimeZone(ZoneId zone) {
        this.timeZone = zone.getId();
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public @Nullable Instant getSuspendedAt() {
        return suspendedAt;
    }

    public @Nullable String getSuspendedReason() {
        return suspendedReason;
    }

    /** Members can no longer enter; nothing of the tenant's data is touched. */
    public void suspend(String reason, Instant at) {
        this.status = TenantStatus.SUSPENDED;
        this.suspendedAt = at;
        this.suspendedReason = reason;
    }

    public void reactivate() {
        this.status = TenantStatus.ACTIVE;
        this.suspendedAt = null;
        this.suspendedReason = null;
    }

    public void rename(String newName) {
        this.name = newName;
    }

    public @Nullable String getAccentColour() {
        return accentColour;
    }

    public void changeAccentColour(@Nullable String colour) {
        this.accentColour = colour;
    }

    public int getLateStepMinutes() {
        return lateStepMinutes;
    }

    public void changeLateStepMinutes(int minutes) {
        if (minutes < LATE_STEP_MINUTES_MIN || minutes > LATE_STEP_MINUTES_MAX) {
            throw new IllegalArgumentException("late step threshold out of range: " + minutes);
        }
        this.lateStepMinutes = minutes;
    }

    public int getHealthRedOverduePercent() {
        return healthRedOverduePercent;
    }

    public int getHealthGoLiveDays() {
        return healthGoLiveDays;
    }

    public void changeHealthThresholds(int redOverduePercent, int goLiveDays) {
        if (redOverduePercent < HEALTH_RED_OVERDUE_PERCENT_MIN || redOverduePercent > HEALTH_RED_OVERDUE_PERCENT_MAX) {
            throw new IllegalArgumentException("red overdue share out of range: " + redOverduePercent);
        }
        if (goLiveDays < HEALTH_GO_LIVE_DAYS_MIN || goLiveDays > HEALTH_GO_LIVE_DAYS_MAX) {
            throw new IllegalArgumentException("go-live warning days out of range: " + goLiveDays);
        }
        this.healthRedOverduePercent = redOverduePercent;
        this.healthGoLiveDays = goLiveDays;
    }

    public long getVersion() {
        return version;
    }
}
