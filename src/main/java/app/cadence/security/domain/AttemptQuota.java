package app.cadence.security.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One quota key ("at most N a window", e.g. sign-ups from one client address): the row that
 * requests for the key lock, one after the other, while they count and record their use. It is
 * not tenant-owned: the quotas guard what happens before anyone has chosen, or even has, a tenant.
 */
@Entity
@Table(name = "attempt_quota")
public class AttemptQuota {

    @Id
    @Column(name = "quota_key", length = 300)
    private String key;

    protected AttemptQuota() {
        this.key = "";
    }

    public String getKey() {
        return key;
    }
}
