package app.cadence.project.domain;

import app.cadence.shared.domain.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** A tenant-level grouping of projects (e.g. "Finance transformation"), used to filter the portfolio. */
@Entity
@Table(name = "program")
public class Program extends AuditedEntity {

    public static final int NAME_MAX = 120;
    public static final int DESCRIPTION_MAX = 2000;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId;

    @Column(nullable = false, length = NAME_MAX)
    private String name;

    @Column(length = DESCRIPTION_MAX)
    private @Nullable String description;

    protected Program() {
        this.name = "";
    }

    public Program(String name, @Nullable String description, Instant now, String by) {
        this.name = name;
        this.description = description;
        created(now, by);
    }

    public void describe(String newName, @Nullable String newDescription) {
        this.name = newName;
        this.description = newDescription;
    }

    public String getName() {
        return name;
    }

    public @Nullable String getDescription() {
        return description;
    }
}
