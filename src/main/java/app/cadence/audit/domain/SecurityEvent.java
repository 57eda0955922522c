package app.cadence.audit.domain;

import app.cadence.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * One security event: append-only, like the audit trail. Not @TenantId: a failed sign-in or a
 * password reset belongs to no tenant; tenant-facing queries filter on tenant_id by hand.
 */
@Entity
@Immutable
@Table(name = "security_event")
public class SecurityEvent extends AbstractEntity {

    public static final int DETAIL_MAX = 500;

    @Column(name = "tenant_id", updatable = false)
    private @Nullable Long tenantId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, updatable = false, length = 40)
    private SecurityEventType type;

    /** Who did it: an email, or "system" / "anonymous". */
    @Column(nullable = false, updatable = false, length = 254)
    private String actor;

    /** Whom or what it was done to, e.g. the member whose role changed. */
    @Column(updatable = false, length = 254)
    private @Nullable String subject;

    @Column(name = "remote_address", updatable = false, length = 64)
    private @Nullable String remoteAddress;

    @Column(updatable = false, length = DETAIL_MAX)
    private @Nullable String detail;

    protected SecurityEvent() {
        this.occurredAt = Instant.EPOCH;
        this.type = SecurityEventType.SIGNED_IN;
        this.actor = "";
    }

    public SecurityEvent(@Nullable Long tenantId, Instant occurredAt, SecurityEventType type, String actor,
                         @Nullable String subject, @Nullable String remoteAddress, @Nullable String detail) {
        this.tenantId = tenantId;
        this.occurredAt = occurredAt;
        this.type = type;
        this.actor = actor;
        this.subject = subject;
        this.remoteAddress = remoteAddress;
        this.detail = detail == null || detail.length() <= DETAIL_MAX ? detail : detail.substring(0, DETAIL_MAX - 1) + "…";
    }

    public @Nullable Long getTenantId() {
        return tenantId;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public SecurityEventType getType() {
        return type;
    }

    public String getActor() {
        return actor;
    }

    public @Nullable String getSubject() {
        return subject;
    }

    public @Nullable String getRemoteAddress() {
        return remoteAddress;
    }

    public @Nullable String getDetail() {
        return detail;
    }
}
