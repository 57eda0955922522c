package app.cadence.template.domain;

import app.cadence.shared.domain.AbstractEntity;
import app.cadence.shared.domain.RuleViolationException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A proposed change to a template, raised from a lesson learned: it waits on the template's page
 * until an ADMIN or PMO accepts it (the change goes into the draft, {@link #getDraftVersionId()}
 * names that draft, which becomes a numbered version when published) or declines it with a reason.
 *
 * <p>The proposal lives in the template module although lessons raise it: the template owns its
 * drafts and its page, and a proposal is applied with the template's own edits. The lesson is
 * kept as plain values (id, title, in-app link) handed in by the lessons module, so the template
 * module never depends on lessons — lessons depends on templates, not the other way round.
 */
@Entity
@Table(name = "template_proposal")
public class TemplateProposal extends AbstractEntity {

    public static final int REASON_MAX = 2000;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private @Nullable Long tenantId;

    @Column(name = "template_id", nullable = false, updatable = false)
    private Long templateId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20, updatable = false)
    private ProposalKind kind;

    @Column(name = "item_key", length = 36, updatable = false)
    private @Nullable String itemKey;

    /** The step's title when the proposal was made: what the queue shows even after the step changed. */
    @Column(name = "item_title", length = 200, updatable = false)
    private @Nullable String itemTitle;

    @Column(length = 200, updatable = false)
    private @Nullable String title;

    @Column(length = 2000, updatable = false)
    private @Nullable String details;

    @Column(name = "lesson_id", updatable = false)
    private @Nullable Long lessonId;

    @Column(name = "lesson_title", length = 200, updatable = false)
    private @Nullable String lessonTitle;

    @Column(name = "lesson_link", length = 300, updatable = false)
    private @Nullable String lessonLink;

    @Column(name = "proposed_by_id", nullable = false, updatable = false)
    private Long proposedById;

    @Column(name = "proposed_by_name", nullable = false, length = 254, updatable = false)
    private String proposedByName;

    @Column(name = "proposed_at", nullable = false, updatable = false)
    private Instant proposedAt;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private ProposalState state = ProposalState.PENDING;

    @Column(name = "decided_by_name", length = 254)
    private @Nullable String decidedByName;

    @Column(name = "decided_at")
    private @Nullable Instant decidedAt;

    @Column(name = "decline_reason", length = REASON_MAX)
    private @Nullable String declineReason;

    /** The draft the change went into: once published, the version that took the lesson in. */
    @Column(name = "draft_version_id")
    private @Nullable Long draftVersionId;

    @Version
    private long version;

    @SuppressWarnings("NullAway.Init")
    protected TemplateProposal() {
        this.kind = ProposalKind.NOTE;
        this.proposedByName = "";
        this.proposedAt = Instant.EPOCH;
        this.proposedById = 0L;
        this.templateId = 0L;
    }

    public TemplateProposal(Long templateId, ProposedChange change, @Nullable String itemTitle, @Nullable Long lessonId,
                            @Nullable String lessonTitle, @Nullable String lessonLink, Long proposedById, String proposedByName, Instant at) {
        change.problem().ifPresent(p -> {
            throw p;
        });
        this.templateId = templateId;
        this.kind = change.kind();
        this.itemKey = change.itemKey() == null ? null : change.itemKey().toString();
        this.itemTitle = itemTitle;
        this.title = change.title();
        this.details = change.details();
        this.lessonId = lessonId;
        this.lessonTitle = lessonTitle;
        this.lessonLink = lessonLink;
        this.proposedById = proposedById;
        this.proposedByName = proposedByName;
        this.proposedAt = at;
    }

    /** The change this proposal asks for. */
    public ProposedChange change() {
        return new ProposedChange(kind, itemKey == null ? null : UUID.fromString(itemKey), title, details);
    }

    /** Taken into the draft {@code draftId} (for a note: acknowledged, the draft unchanged). */
    public void accept(@Nullable Long draftId, String by, Instant at) {
        requirePending();
        this.state = ProposalState.ACCEPTED;
        this.draftVersionId = draftId;
        this.decidedByName = by;
        this.decidedAt = at;
    }

    /** Declined: the proposer is told why, so a reason is required. */
    public void decline(@Nullable String reason, String by, Instant at) {
        requirePending();
        String clean = reason == null ? "" : reason.strip();
        if (clean.isEmpty()) {
            throw new RuleViolationException("reason", "Say why the proposal is declined: the person who proposed it will read it.");
        }
        if (clean.length() > REASON_MAX) {
            throw new RuleViolationException("reason", "The reason can be at most " + REASON_MAX + " characters.");
        }
        this.state = ProposalState.DECLINED;
        this.declineReason = clean;
        this.decidedByName = by;
        this.decidedAt = at;
    }

    /**
     * Back to the queue: the draft it was accepted into was discarded before it was published, so
     * the change reached no version. The template's owners decide again.
     */
    public void reopen() {
        if (state != ProposalState.ACCEPTED || draftVersionId == null) {
            return;
        }
        this.state = ProposalState.PENDING;
        this.draftVersionId = null;
        this.decidedByName = null;
        this.decidedAt = null;
    }

    private void requirePending() {
        if (state != ProposalState.PENDING) {
            throw new RuleViolationException(null, "This proposal was already " + state.label().toLowerCase(java.util.Locale.ROOT)
                    + (decidedByName == null ? "" : " by " + decidedByName) + ".");
        }
    }

    public Long getTemplateId() {
        return templateId;
    }

    public ProposalKind getKind() {
        return kind;
    }

    public @Nullable String getItemTitle() {
        return itemTitle;
    }

    public @Nullable String getTitle() {
        return title;
    }

    public @Nullable String getDetails() {
        return details;
    }

    public @Nullable Long getLessonId() {
        return lessonId;
    }

    public @Nullable String getLessonTitle() {
        return lessonTitle;
    }

    public @Nullable String getLessonLink() {
        return lessonLink;
    }

    public Long getProposedById() {
        return proposedById;
    }

    public String getProposedByName() {
        return proposedByName;
    }

    public Instant getProposedAt() {
        return proposedAt;
    }

    public ProposalState getState() {
        return state;
    }

    public @Nullable String getDecidedByName() {
        return decidedByName;
    }

    public @Nullable Instant getDecidedAt() {
        return decidedAt;
    }

    public @Nullable String getDeclineReason() {
        return declineReason;
    }

    public @Nullable Long getDraftVersionId() {
        return draftVersionId;
    }

    public long getVersion() {
        return version;
    }
}
