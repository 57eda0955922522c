package app.cadence.template.service;

import app.cadence.notify.domain.NotificationKind;
import app.cadence.notify.service.NotificationRequest;
import app.cadence.notify.service.Notifications;
import app.cadence.shared.domain.ConcurrentChangeException;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.template.domain.ProposalKind;
import app.cadence.template.domain.ProposalState;
import app.cadence.template.domain.ProposedChange;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateItem;
import app.cadence.template.domain.TemplateProposal;
import app.cadence.template.domain.TemplateProposalRepository;
import app.cadence.template.domain.TemplateSection;
import app.cadence.template.events.TemplateChanged;
import app.cadence.template.service.TemplateViews.VersionContent;
import app.cadence.template.service.TemplateViews.VersionSummary;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.CadenceUser;
import app.cadence.tenancy.service.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Change proposals to a template (issue C8): raised from a lesson by any member but a VIEWER,
 * queued on the template's page, accepted into the draft or declined with a reason by ADMIN/PMO,
 * the proposer told either way (in-app and by email through the outbox).
 *
 * <p>Why here and not in the lessons module: accepting edits the template's draft with the
 * template's own operations ({@link TemplateLibrary#startDraft}, {@link TemplateLibrary#saveDraft},
 * {@link ProposedChange#applyTo}), the queue sits on the template's page and the version history
 * shows what each version took in. Kept here, the lessons module depends on the template module
 * (to propose and to list a lesson's proposals) and never the reverse: no cycle.
 */
@NamedInterface("api")
@Service
@Transactional(readOnly = true)
@RolesAllowed(RoleSets.MEMBERS)
public class TemplateProposals {

    /** A proposal as screens show it. {@code itemTitle} is the step's title when it was proposed. */
    public record ProposalView(Long id, Long templateId, ProposalKind kind, @Nullable UUID itemKey, @Nullable String itemTitle,
                               @Nullable String title, @Nullable String details, @Nullable Long lessonId, @Nullable String lessonTitle,
                               @Nullable String lessonLink, String proposedBy, Instant proposedAt, ProposalState state,
                               @Nullable String decidedBy, @Nullable Instant decidedAt, @Nullable String declineReason,
                               @Nullable Integer takenIntoVersion, long version) {

        /** One line saying what is proposed, e.g. "Add “Freeze interfaces” after “Load data”". */
        public String summary() {
            return switch (kind) {
                case ADD_AFTER -> "Add “" + title + "” after “" + itemTitle + "”";
                case CHANGE -> "Change “" + itemTitle + "”" + (java.util.Objects.equals(title, itemTitle) ? "" : " to “" + title + "”");
                case REMOVE -> "Remove “" + itemTitle + "”";
                case NOTE -> "Note";
            };
        }
    }

    /** What a lesson proposes; the lesson comes as plain values (its id, title and in-app link). */
    public record ProposalRequest(Long templateId, ProposalKind kind, @Nullable UUID itemKey, @Nullable String title,
                                  @Nullable String details, @Nullable Long lessonId, @Nullable String lessonTitle,
                                  @Nullable String lessonLink) {
    }

    /** A step a proposal may name, with its section, in the template's order. */
    public record ItemChoice(UUID key, String title, String section) {
        public String label() {
            return section + " › " + title;
        }
    }

    private final TemplateProposalRepository proposals;
    private final TemplateLibrary library;
    private final Notifications notifications;
    private final Clock clock;

    TemplateProposals(TemplateProposalRepository proposals, TemplateLibrary library, Notifications notifications, Clock clock) {
        this.proposals = proposals;
        this.library = library;
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * The steps of the template as the proposer sees it: the draft for ADMIN/PMO when there is one,
     * otherwise the latest published version. Empty when nothing is published yet.
     */
    public List<ItemChoice> items(Long templateId) {
        return current(templateId).map(TemplateProposals::choices).orElse(List.of());
    }

    /** Raises a proposal; any member but a VIEWER. The step must be in the template as its proposer sees it. */
    @Transactional
    public Long propose(ProposalRequest request) {
        CadenceUser me = requireContributor();
        ProposedChange change = new ProposedChange(request.kind(), request.itemKey(), request.title(), request.details());
        change.problem().ifPresent(p -> {
            throw p;
        });
        library.details(request.templateId()); // not found in another tenant
        String itemTitle = null;
        if (request.kind().needsItem()) {
            TemplateItem item = current(request.templateId()).map(c -> c.itemsByKey().get(request.itemKey()))
                    .orElseThrow(() -> new RuleViolationException("item", "Choose a step of the template: that one is not in it."));
            itemTitle = item.title();
        }
        if (request.lessonLink() != null && !request.lessonLink().startsWith("/")) {
            throw new IllegalArgumentException("A lesson's link is an in-app path starting with /");
        }
        TemplateProposal saved = proposals.save(new TemplateProposal(request.templateId(), change, itemTitle, request.lessonId(),
                cut(request.lessonTitle()), request.lessonLink(), me.userId(), me.displayName(), clock.instant()));
        library.record(request.templateId(), TemplateChanged.Change.PROPOSAL_RAISED, "Proposed"
                + (saved.getLessonTitle() == null ? "" : " from the lesson “" + saved.getLessonTitle() + "”") + ": " + summaryOf(saved) + ".");
        return saved.getId();
    }

    /** A template's proposals, pending first. */
    public List<ProposalView> ofTemplate(Long templateId) {
        List<VersionSummary> versions = library.details(templateId).versions(); // another tenant's template is not found
        return views(proposals.findOfTemplate(TenantContext.requireTenantId(), templateId), versions);
    }

    /** How many proposals of the template wait for a decision. */
    public long pendingCount(Long templateId) {
        return proposals.countPending(TenantContext.requireTenantId(), templateId);
    }

    /** The proposals raised from one lesson, latest first. */
    public List<ProposalView> ofLesson(Long lessonId) {
        List<TemplateProposal> found = proposals.findOfLesson(TenantContext.requireTenantId(), lessonId);
        List<ProposalView> views = new ArrayList<>();
        for (TemplateProposal p : found) {
            views.add(view(p, takenInto(p)));
        }
        return views;
    }

    /** The accepted proposals that went into the version (the draft it was, once published): the lessons it took in. */
    public List<ProposalView> takenInto(Long templateId, Long versionId) {
        return proposals.findTakenInto(TenantContext.requireTenantId(), templateId, versionId).stream()
                .map(p -> view(p, null)).toList();
    }

    /**
     * Accepts the proposal: the change goes into the template's draft, started from the latest
     * published version when there is none (a note changes nothing and is acknowledged). The
     * proposer is told. ADMIN and PMO only.
     */
    @Transactional
    @RolesAllowed(RoleSets.PORTFOLIO_OFFICE)
    public void accept(Long proposalId, long expectedVersion) {
        TemplateProposal proposal = find(proposalId, expectedVersion);
        Long templateId = proposal.getTemplateId();
        Long draftId = null;
        if (proposal.getKind() != ProposalKind.NOTE) {
            VersionContent draft = library.draft(templateId).orElse(null);
            if (draft == null) {
                library.startDraft(templateId);
                draft = library.draft(templateId).orElseThrow();
            }
            TemplateContent changed = proposal.change().applyTo(draft.content());
            library.saveDraft(templateId, draft.summary().version(), changed);
            draftId = draft.summary().id();
        }
        proposal.accept(draftId, TenantContext.currentUserName(), clock.instant());
        library.record(templateId, TemplateChanged.Change.PROPOSAL_ACCEPTED, (proposal.getKind() == ProposalKind.NOTE
                ? "Acknowledged the note of " + proposal.getProposedByName() : "Accepted into the draft: " + summaryOf(proposal))
                + (proposal.getLessonTitle() == null ? "" : " (lesson “" + proposal.getLessonTitle() + "”)") + ".");
        String templateName = library.details(templateId).name();
        tell(proposal, "Your proposal for “" + templateName + "” was accepted",
                proposal.getKind() == ProposalKind.NOTE
                        ? "Your note was acknowledged by " + TenantContext.currentUserName() + "."
                        : summaryOf(proposal) + " is in the template's draft; it reaches projects when the draft is published.");
    }

    /** Declines the proposal with a reason, which the proposer is told. ADMIN and PMO only. */
    @Transactional
    @RolesAllowed(RoleSets.PORTFOLIO_OFFICE)
    public void decline(Long proposalId, long expectedVersion, String reason) {
        TemplateProposal proposal = find(proposalId, expectedVersion);
        proposal.decline(reason, TenantContext.currentUserName(), clock.instant());
        library.record(proposal.getTemplateId(), TemplateChanged.Change.PROPOSAL_DECLINED, "Declined the proposal of "
                + proposal.getProposedByName() + " (" + summaryOf(proposal) + "): " + proposal.getDeclineReason());
        String templateName = library.details(proposal.getTemplateId()).name();
        tell(proposal, "Your proposal for “" + templateName + "” was declined",
                summaryOf(proposal) + " — declined by " + TenantContext.currentUserName() + ": " + proposal.getDeclineReason());
    }

    private void tell(TemplateProposal proposal, String title, String body) {
        String link = proposal.getLessonLink() != null ? proposal.getLessonLink() : "/templates/" + proposal.getTemplateId();
        notifications.send(NotificationRequest.to(proposal.getProposedById(), NotificationKind.TEMPLATE_PROPOSAL_DECIDED, title)
                .withBody(body)
                .withLink(link)
                // Once per decision: a proposal put back in the queue (its draft discarded) may be decided again.
                .withDedupeKey("template-proposal:" + proposal.getId() + ":" + proposal.getState().name().toLowerCase(java.util.Locale.ROOT)
                        + ":" + java.util.Objects.requireNonNull(proposal.getDecidedAt()).toEpochMilli()));
    }

    private TemplateProposal find(Long proposalId, long expectedVersion) {
        TemplateProposal proposal = proposals.findInTenant(proposalId, TenantContext.requireTenantId())
                .orElseThrow(() -> new RecordNotFoundException("Proposal", proposalId));
        if (proposal.getVersion() != expectedVersion) {
            throw new ConcurrentChangeException("This proposal", proposal.getDecidedByName() == null ? "someone" : proposal.getDecidedByName(),
                    proposal.getDecidedAt() == null ? clock.instant() : proposal.getDecidedAt());
        }
        return proposal;
    }

    private Optional<TemplateContent> current(Long templateId) {
        if (isAuthor()) {
            Optional<VersionContent> draft = library.draft(templateId);
            if (draft.isPresent()) {
                return Optional.of(draft.get().content());
            }
        }
        return library.details(templateId).versions().stream().filter(v -> v.number() != null).findFirst()
                .map(v -> library.version(templateId, v.id()).content());
    }

    private static List<ItemChoice> choices(TemplateContent content) {
        List<ItemChoice> choices = new ArrayList<>();
        for (TemplateSection section : content.sections()) {
            section.items().forEach(i -> choices.add(new ItemChoice(i.key(), i.title(), section.title())));
        }
        return choices;
    }

    private static List<ProposalView> views(List<TemplateProposal> found, List<VersionSummary> versions) {
        java.util.Map<Long, Integer> numbers = new java.util.HashMap<>();
        for (VersionSummary v : versions) {
            if (v.number() != null) {
                numbers.put(v.id(), v.number());
            }
        }
        return found.stream().map(p -> view(p, p.getDraftVersionId() == null ? null : numbers.get(p.getDraftVersionId()))).toList();
    }

    private @Nullable Integer takenInto(TemplateProposal p) {
        if (p.getDraftVersionId() == null) {
            return null;
        }
        return library.details(p.getTemplateId()).versions().stream().filter(v -> v.id().equals(p.getDraftVersionId()))
                .map(VersionSummary::number).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private static ProposalView view(TemplateProposal p, @Nullable Integer takenIntoVersion) {
        var change = p.change();
        return new ProposalView(p.getId(), p.getTemplateId(), p.getKind(), change.itemKey(), p.getItemTitle(), p.getTitle(), p.getDetails(),
                p.getLessonId(), p.getLessonTitle(), p.getLessonLink(), p.getProposedByName(), p.getProposedAt(), p.getState(),
                p.getDecidedByName(), p.getDecidedAt(), p.getDeclineReason(), takenIntoVersion, p.getVersion());
    }

    private static String summaryOf(TemplateProposal p) {
        return view(p, null).summary();
    }

    private static CadenceUser requireContributor() {
        if (TenantContext.currentSelection().map(s -> s.role() == Role.VIEWER).orElse(true)) {
            throw new AccessDeniedException("Viewers read lessons and proposals; they cannot propose changes.");
        }
        return TenantContext.currentUser().orElseThrow(() -> new AccessDeniedException("Sign in first."));
    }

    private static boolean isAuthor() {
        return TenantContext.currentSelection().map(s -> s.role() == Role.ADMIN || s.role() == Role.PMO).orElse(false);
    }

    private static @Nullable String cut(@Nullable String text) {
        return text == null ? null : text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }
}
