package app.cadence.portfolio.domain;

import app.cadence.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** The PMO's commentary on the portfolio: one per organisation, Markdown, printed at the top of the status pack. */
@Entity
@Table(name = "portfolio_commentary")
public class PortfolioCommentary extends AbstractEntity {

    public static final int TEXT_MAX = 20_000;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId;

    @Lob
    @Column(nullable = false, length = Integer.MAX_VALUE)
    private String text;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 254)
    private String updatedBy;

    @Version
    private long version;

    protected PortfolioCommentary() {
        this.text = "";
        this.updatedAt = Instant.EPOCH;
        this.updatedBy = "";
    }

    public PortfolioCommentary(String text, Instant now, String by) {
        this.text = text;
        this.updatedAt = now;
        this.updatedBy = by;
    }

    public void rewrite(String text, Instant now, String by) {
        this.text = text;
        this.updatedAt = now;
        this.updatedBy = by;
    }

    public String getText() {
        return text;
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
