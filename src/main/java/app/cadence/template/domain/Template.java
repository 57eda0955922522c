package app.cadence.template.domain;

import app.cadence.shared.domain.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** A named process definition of one kind, owned by a tenant; its content lives in versions. */
@Entity
@Table(name = "template")
public class Template extends AuditedEntity {

    public static final int NAME_MAX = 120;
    public static final int DESCRIPTION_MAX = 2000;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 30, updatable = false)
    private TemplateKind kind;

    @Column(nullable = false, length = NAME_MAX)
    private String name;

    @Column(length = DESCRIPTION_MAX)
    private @Nullable String description;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private TemplateStatus status = TemplateStatus.ACTIVE;

    protected Template() {
        this.kind = TemplateKind.CUTOVER;
        this.name = "";
    }

    public Template(TemplateKind kind, String name, @Nullable String description, Instant now, String by) {
        this.kind = kind;
        this.name = name;
        this.description = description;
        created(now, by);
    }

    public void rename(String newName, @Nullable String newDescription) {
        this.name = newName;
        this.description = newDescription;
    }

    public void retire() {
        this.status = TemplateStatus.RETIRED;
    }

    public void reactivate() {
        this.status = TemplateStatus.ACTIVE;
    }

    public TemplateKind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public @Nullable String getDescription() {
        return description;
    }

    public TemplateStatus getStatus() {
        return status;
    }

}
