package app.cadence.shared.domain;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * An editable record that says who created it and who changed it last, and carries the
 * optimistic-lock version that turns a concurrent edit into a clear conflict message.
 */
@MappedSuperclass
public abstract class AuditedEntity extends AbstractEntity {

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.EPOCH;

    @Column(name = "created_by", nullable = false, updatable = false, length = 254)
    private String createdBy = "";

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.EPOCH;

    @Column(name = "updated_by", nullable = false, length = 254)
    private String updatedBy = "";

    @Version
    private long version;

    protected void created(Instant now, String by) {
        this.createdAt = now;
        this.createdBy = by;
        touch(now, by);
    }

    public void touch(Instant now, String by) {
        this.updatedAt = now;
        this.updatedBy = by;
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

    public long getVersion() {
        return version;
    }
}
