package app.cadence.notify.domain;

import app.cadence.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * One member's choice for one kind of notice in one organisation. Only choices other than the
 * default ({@link EmailDelivery#IMMEDIATELY}) need a row, but a row set back to it is kept.
 */
@Entity
@Table(name = "notification_preference")
public class NotificationPreference extends AbstractEntity {

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId;

    @Column(name = "user_id", nullable = false, updatable = false)
    private Long userId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, updatable = false, length = 40)
    private NotificationKind kind;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private EmailDelivery delivery;

    @Version
    private long version;

    protected NotificationPreference() {
        this.userId = 0L;
        this.kind = NotificationKind.GENERIC;
        this.delivery = EmailDelivery.IMMEDIATELY;
    }

    public NotificationPreference(Long userId, NotificationKind kind, EmailDelivery delivery) {
        this.userId = userId;
        this.kind = kind;
        this.delivery = delivery;
    }

    public @Nullable Long getTenantId() {
        return tenantId;
    }

    public Long getUserId() {
        return userId;
    }

    public NotificationKind getKind() {
        return kind;
    }

    public EmailDelivery getDelivery() {
        return delivery;
    }

    public void choose(EmailDelivery delivery) {
        this.delivery = delivery;
    }
}
