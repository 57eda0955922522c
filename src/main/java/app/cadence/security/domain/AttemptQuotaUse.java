package app.cadence.security.domain;

import app.cadence.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One use of a quota key, kept until it leaves the quota's window. It is not tenant-owned, like
 * the {@link AttemptQuota} it counts against: quotas guard what happens before a tenant is chosen.
 */
@Entity
@Table(name = "attempt_quota_use")
public class AttemptQuotaUse extends AbstractEntity {

    @Column(name = "quota_key", nullable = false, updatable = false, length = 300)
    private String key;

    @Column(name = "used_at", nullable = false, updatable = false)
    private Instant usedAt;

    protected AttemptQuotaUse() {
        this.key = "";
        this.usedAt = Instant.EPOCH;
    }

    public AttemptQuotaUse(String key, Instant usedAt) {
        this.key = key;
        this.usedAt = usedAt;
    }

    public String getKey() {
        return key;
    }

    public Instant getUsedAt() {
        return usedAt;
    }
}
