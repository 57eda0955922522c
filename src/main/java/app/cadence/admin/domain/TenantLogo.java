package app.cadence.admin.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.Length;
import org.hibernate.annotations.TenantId;
import org.springframework.data.domain.Persistable;
import org.jspecify.annotations.Nullable;

/**
 * An organisation's logo: at most one per tenant, so the tenant is the key. Only stored after
 * its bytes were recognised as PNG, JPEG or WebP; served with the content type stored here.
 */
@Entity
@Table(name = "tenant_logo")
public class TenantLogo implements Persistable<Long> {

    @Id
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId;

    @Column(name = "content_type", nullable = false, length = 40)
    private String contentType;

    /** LONG32 makes Hibernate expect the LONGBLOB the changelog creates on MariaDB/MySQL (BLOB stops at 64 KB). */
    @Lob
    @Column(name = "bytes", nullable = false, length = Length.LONG32)
    private byte[] bytes;

    @Column(name = "byte_count", nullable = false)
    private int byteCount;

    @Column(nullable = false)
    private int width;

    @Column(nullable = false)
    private int height;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 254)
    private String updatedBy;

    @Version
    private @Nullable Long version;

    protected TenantLogo() {
        this.contentType = "";
        this.bytes = new byte[0];
        this.updatedAt = Instant.EPOCH;
        this.updatedBy = "";
    }

    /** The tenant, which is also the key, is filled in by Hibernate from the session's tenant. */
    public TenantLogo(LogoFormat format, byte[] bytes, int width, int height, Instant now, String by) {
        this.contentType = format.contentType();
        this.bytes = bytes.clone();
        this.byteCount = bytes.length;
        this.width = width;
        this.height = height;
        this.updatedAt = now;
        this.updatedBy = by;
    }

    public void replace(LogoFormat format, byte[] newBytes, int newWidth, int newHeight, Instant now, String by) {
        this.contentType = format.contentType();
        this.bytes = newBytes.clone();
        this.byteCount = newBytes.length;
        this.width = newWidth;
        this.height = newHeight;
        this.updatedAt = now;
        this.updatedBy = by;
    }

    public @Nullable Long getTenantId() {
        return tenantId;
    }

    @Override
    public @Nullable Long getId() {
        return tenantId;
    }

    /** The key is the tenant, set before the first save: only the version tells a new logo from a stored one. */
    @Override
    public boolean isNew() {
        return version == null;
    }

    public String getContentType() {
        return contentType;
    }

    public byte[] getBytes() {
        return bytes.clone();
    }

    public int getByteCount() {
        return byteCount;
    }

    public int getWidth() {
        return width;
    }

    public int getHeight() {
        return height;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public long getVersion() {
        return version == null ? 0 : version;
    }
}
