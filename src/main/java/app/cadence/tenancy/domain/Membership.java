package app.cadence.tenancy.domain;

import app.cadence.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * User × tenant × role. Carries a tenant_id but is not tenant-owned in the @TenantId sense:
 * it is the table that decides which tenants a user may select, so it must be readable before
 * a tenant is selected (tenant picker, switcher). Every query on it names the user explicitly.
 */
@Entity
@Table(name = "membership")
public class Membership extends AbstractEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tenant_id", nullable = false)
    private Tenant tenant;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    private UserAccount user;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private Role role;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** When the member last entered the organisation (signed in to it or switched to it). */
    @Column(name = "last_active_at")
    private @Nullable Instant lastActiveAt;

    @Column(name = "deactivated_at")
    private @Nullable Instant deactivatedAt;

    @Version
    private long version;

    @SuppressWarnings("NullAway.Init")
    protected Membership() {
        this.role = Role.VIEWER;
        this.createdAt = Instant.EPOCH;
    }

    public Membership(Tenant tenant, UserAccount user, Role role, Instant createdAt) {
        this.tenant = tenant;
        this.user = user;
        this.role = role;
        this.createdAt = createdAt;
    }

    public Tenant getTenant() {
        return tenant;
    }

    public UserAccount getUser() {
        return user;
    }

    public Role getRole() {
        return role;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public @Nullable Instant getLastActiveAt() {
        return lastActiveAt;
    }

    public @Nullable Instant getDeactivatedAt() {
        return deactivatedAt;
    }

    public long getVersion() {
        return version;
    }

    public void markActive(Instant now) {
        this.lastActiveAt = now;
    }

    public void changeRole(Role newRole) {
        this.role = newRole;
    }

    /** The membership is kept (with its history); the person can no longer enter the organisation. */
    public void deactivate(Instant now) {
        this.active = false;
        this.deactivatedAt = now;
    }

    public void reactivate() {
        this.active = true;
        this.deactivatedAt = null;
    }
}
