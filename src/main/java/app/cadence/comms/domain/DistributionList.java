package app.cadence.comms.domain;

import app.cadence.shared.domain.AuditedEntity;
import app.cadence.shared.domain.RuleViolationException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** A named group of people the organisation writes to: members and stakeholders of any of its projects. */
@Entity
@Table(name = "distribution_list")
public class DistributionList extends AuditedEntity {

    public static final int NAME_MAX = 120;
    public static final int DESCRIPTION_MAX = 1000;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId;

    @Column(nullable = false, length = NAME_MAX)
    private String name;

    /** The name in lower case: unique in the organisation, so "Steering committee" and "steering Committee" are one list. */
    @Column(name = "name_key", nullable = false, length = NAME_MAX)
    private String nameKey;

    @Column(length = DESCRIPTION_MAX)
    private @Nullable String description;

    @SuppressWarnings("NullAway.Init")
    protected DistributionList() {
        this.name = "";
        this.nameKey = "";
    }

    public DistributionList(String name, @Nullable String description, Instant now, String by) {
        this();
        describe(name, description);
        created(now, by);
    }

    /** Renames and describes the list; a blank or too long name or description is refused, naming the field. */
    public void describe(String name, @Nullable String description) {
        String n = name == null ? "" : name.strip();
        String d = description == null || description.isBlank() ? null : description.strip();
        if (n.isEmpty()) {
            throw new RuleViolationException("name", "Enter a name for the list, e.g. “Steering committee”.");
        }
        if (n.length() > NAME_MAX) {
            throw new RuleViolationException("name", "The name is " + n.length() + " characters long; at most " + NAME_MAX + " fit.");
        }
        if (d != null && d.length() > DESCRIPTION_MAX) {
            throw new RuleViolationException("description", "The description is " + d.length() + " characters long; at most "
                    + DESCRIPTION_MAX + " fit.");
        }
        this.name = n;
        this.nameKey = key(n);
        this.description = d;
    }

    public static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    public Long id() {
        return Objects.requireNonNull(getId(), "a saved list has an id");
    }

    public String getName() {
        return name;
    }

    public @Nullable String getDescription() {
        return description;
    }
}
