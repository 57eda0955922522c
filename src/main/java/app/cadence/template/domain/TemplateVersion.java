package app.cadence.template.domain;

import app.cadence.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * One version of a template. Its content is kept as one JSON document (the documented template
 * format): a version is read, compared, exported and instantiated whole, and a published one
 * never changes.
 */
@Entity
@Table(name = "template_version")
public class TemplateVersion extends AbstractEntity {

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "template_id", nullable = false, updatable = false)
    private Template template;

    /** 1, 2, 3 … once published; null for the draft. */
    @Column(name = "number")
    private @Nullable Integer number;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private VersionState state = VersionState.DRAFT;

    @Lob
    @Column(nullable = false, length = Integer.MAX_VALUE) // longtext on MySQL, clob on H2
    private String content;

    @Column(name = "item_count", nullable = false)
    private int itemCount;

    @Column(name = "change_note", length = 2000)
    private @Nullable String changeNote;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 254)
    private String updatedBy;

    @Column(name = "published_at")
    private @Nullable Instant publishedAt;

    @Column(name = "published_by", length = 254)
    private @Nullable String publishedBy;

    @Version
    private long version;

    @SuppressWarnings("NullAway.Init")
    protected TemplateVersion() {
        this.content = "";
        this.updatedAt = Instant.EPOCH;
        this.updatedBy = "";
    }

    public static TemplateVersion draft(Template template, String content, int itemCount, Instant now, String by) {
        TemplateVersion v = new TemplateVersion();
        v.template = template;
        v.content = content;
        v.itemCount = itemCount;
        v.updatedAt = now;
        v.updatedBy = by;
        return v;
    }

    public void replaceContent(String newContent, int newItemCount, Instant now, String by) {
        if (state != VersionState.DRAFT) {
            throw new IllegalStateException("A published version never changes.");
        }
        this.content = newContent;
        this.itemCount = newItemCount;
        this.updatedAt = now;
        this.updatedBy = by;
    }

    public void publish(int newNumber, String note, Instant now, String by) {
        if (state != VersionState.DRAFT) {
            throw new IllegalStateException("Only a draft can be published.");
        }
        this.state = VersionState.PUBLISHED;
        this.number = newNumber;
        this.changeNote = note;
        this.publishedAt = now;
        this.publishedBy = by;
    }

    public Template getTemplate() {
        return template;
    }

    public @Nullable Integer getNumber() {
        return number;
    }

    public VersionState getState() {
        return state;
    }

    public boolean isDraft() {
        return state == VersionState.DRAFT;
    }

    public String getContent() {
        return content;
    }

    public int getItemCount() {
        return itemCount;
    }

    public @Nullable String getChangeNote() {
        return changeNote;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public @Nullable Instant getPublishedAt() {
        return publishedAt;
    }

    public @Nullable String getPublishedBy() {
        return publishedBy;
    }

    public long getVersion() {
        return version;
    }
}
