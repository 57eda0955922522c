package app.cadence.comms.domain;

import app.cadence.shared.domain.AuditedEntity;
import app.cadence.shared.domain.RuleViolationException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** A person with a stake in one project: who they are, how to reach them, how much they sway and care. */
@Entity
@Table(name = "stakeholder")
public class Stakeholder extends AuditedEntity {

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId;

    @Column(name = "project_id", nullable = false, updatable = false)
    private Long projectId;

    @Column(nullable = false, length = StakeholderDraft.NAME_MAX)
    private String name;

    @Column(length = 254)
    private @Nullable String email;

    @Column(name = "email_key", length = 254)
    private @Nullable String emailKey;

    @Column(length = StakeholderDraft.ORGANISATION_MAX)
    private @Nullable String organisation;

    @Column(name = "role_title", length = StakeholderDraft.ROLE_MAX)
    private @Nullable String role;

    /** Kept as its rank (low 0, medium 1, high 2): sorting by it sorts by level. */
    @Enumerated(EnumType.ORDINAL)
    @Column(nullable = false)
    private StakeholderLevel influence;

    /** Kept as its rank (low 0, medium 1, high 2): sorting by it sorts by level. */
    @Enumerated(EnumType.ORDINAL)
    @Column(nullable = false)
    private StakeholderLevel interest;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private StakeholderChannel channel;

    @Column(length = StakeholderDraft.NOTES_MAX)
    private @Nullable String notes;

    @SuppressWarnings("NullAway.Init")
    protected Stakeholder() {
        this.projectId = 0L;
        this.name = "";
        this.influence = StakeholderLevel.MEDIUM;
        this.interest = StakeholderLevel.MEDIUM;
        this.channel = StakeholderChannel.EMAIL;
    }

    public Stakeholder(Long projectId, StakeholderDraft draft, Instant now, String by) {
        this();
        this.projectId = projectId;
        apply(draft);
        created(now, by);
    }

    /** Takes what the draft says; a draft with problems is refused with the first, naming its field. */
    public void apply(StakeholderDraft draft) {
        draft.problems().stream().findFirst().ifPresent(p -> {
            throw new RuleViolationException(p.field(), p.message());
        });
        this.name = draft.name();
        this.email = draft.email();
        this.emailKey = draft.emailKey();
        this.organisation = draft.organisation();
        this.role = draft.role();
        this.influence = Objects.requireNonNull(draft.influence());
        this.interest = Objects.requireNonNull(draft.interest());
        this.channel = Objects.requireNonNull(draft.channel());
        this.notes = draft.notes();
    }

    public StakeholderDraft draft() {
        return new StakeholderDraft(name, email, organisation, role, influence, interest, channel, notes);
    }

    public StakeholderEngagement engagement() {
        return StakeholderEngagement.of(influence, interest);
    }

    /** The id of a saved stakeholder. */
    public Long id() {
        return Objects.requireNonNull(getId(), "a saved stakeholder has an id");
    }

    public Long getProjectId() {
        return projectId;
    }

    public String getName() {
        return name;
    }

    public @Nullable String getEmail() {
        return email;
    }

    public @Nullable String getOrganisation() {
        return organisation;
    }

    public @Nullable String getRole() {
        return role;
    }

    public StakeholderLevel getInfluence() {
        return influence;
    }

    public StakeholderLevel getInterest() {
        return interest;
    }

    public StakeholderChannel getChannel() {
        return channel;
    }

    public @Nullable String getNotes() {
        return notes;
    }
}
