package app.cadence.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.lessons.domain.LessonCategory;
import app.cadence.lessons.service.LessonDraft;
import app.cadence.lessons.service.Lessons;
import app.cadence.notify.domain.NotificationKind;
import app.cadence.notify.service.NotificationView;
import app.cadence.notify.service.Notifications;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.IntegrationTest;
import app.cadence.support.Mailbox;
import app.cadence.support.SampleTemplates;
import app.cadence.template.domain.ProposalKind;
import app.cadence.template.domain.ProposalState;
import app.cadence.template.domain.TemplateItem;
import app.cadence.template.domain.TemplateProposalRepository;
import app.cadence.template.service.TemplateLibrary;
import app.cadence.template.service.TemplateProposals;
import app.cadence.template.service.TemplateProposals.ProposalView;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Lessons proposing template changes: accepted into the draft or declined with a reason by ADMIN/PMO only; the proposer told; isolation. */
@IntegrationTest
class TemplateProposalsTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired Lessons lessons;
    @Autowired TemplateProposals proposals;
    @Autowired TemplateLibrary library;
    @Autowired Notifications notifications;
    @Autowired TemplateProposalRepository repository;
    @Autowired Mailbox mailbox;

    Member admin;
    Member pmo;
    Member pm;
    Member dev;
    Member foreigner;
    Long runbook;
    Long lesson;
    UUID load;

    @BeforeEach
    void aLessonAboutAPublishedRunbook() {
        Fixtures.Tenant acme = fixtures.tenant("Proposals Acme");
        admin = fixtures.member(acme, Role.ADMIN);
        pmo = fixtures.member(acme, Role.PMO);
        pm = fixtures.member(acme, Role.PM);
        dev = fixtures.member(acme, Role.CONTRIBUTOR);
        foreigner = fixtures.member(fixtures.tenant("Proposals Globex"), Role.ADMIN);
        runbook = fixtures.publishedTemplate(pmo, "ERP runbook", SampleTemplates.runbook());
        load = as(dev, () -> lessons.itemChoices(runbook)).stream().filter(i -> i.title().equals("Load data")).findFirst().orElseThrow().key();
        lesson = as(dev, () -> lessons.record(LessonDraft.manual().withText("Reconcile after loading", "Counts were off after the load.")
                .inCategory(LessonCategory.CUTOVER).aboutTemplate(runbook, load)));
    }

    <T> T as(Member m, Supplier<T> work) {
        return scope.call(m.userId(), m.tenantId(), work);
    }

    Long propose(ProposalKind kind, UUID item, String title, String details) {
        return as(dev, () -> lessons.proposeChange(lesson, kind, item, title, details));
    }

    ProposalView view(Member m, Long id) {
        return as(m, () -> proposals.ofTemplate(runbook)).stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    List<String> draftTitles() {
        return as(pmo, () -> library.draft(runbook)).orElseThrow().content().items().map(TemplateItem::title).toList();
    }

    @Test
    void acceptingStartsADraftFromTheLatestVersionAndAppliesTheChange() {
        Long id = propose(ProposalKind.ADD_AFTER, load, "Reconcile record counts", "Compare with the source system");
        assertThat(as(pmo, () -> library.draft(runbook))).as("no draft yet").isEmpty();
        assertThat(as(pmo, () -> proposals.pendingCount(runbook))).isEqualTo(1);

        as(pmo, () -> {
            proposals.accept(id, view(pmo, id).version());
            return null;
        });

        assertThat(draftTitles()).containsExactly("Extract legacy data", "Load data", "Reconcile record counts", "Business sign-off",
                "Restore backup");
        ProposalView accepted = view(dev, id);
        assertThat(accepted.state()).isEqualTo(ProposalState.ACCEPTED);
        assertThat(accepted.decidedBy()).isEqualTo(pmo.name());
        assertThat(accepted.lessonLink()).isEqualTo("/lessons/" + lesson);
        assertThat(accepted.takenIntoVersion()).as("in the draft, not yet published").isNull();

        // The proposer is told, in-app and by email through the outbox.
        List<NotificationView> told = as(dev, () -> notifications.recent(0, 10));
        assertThat(told).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.TEMPLATE_PROPOSAL_DECIDED);
            assertThat(n.title()).contains("was accepted");
            assertThat(n.link()).isEqualTo("/lessons/" + lesson);
        });
        assertThat(mailbox.to(dev.email())).anySatisfy(m -> assertThat(m.subject()).contains("was accepted"));

        // Published, the version shows the lesson it took in.
        int number = as(pmo, () -> library.publish(runbook, "Reconcile after loading"));
        Long versionId = as(pmo, () -> library.details(runbook)).versions().getFirst().id();
        assertThat(as(dev, () -> proposals.takenInto(runbook, versionId))).extracting(ProposalView::lessonTitle)
                .containsExactly("Reconcile after loading");
        assertThat(view(dev, id).takenIntoVersion()).isEqualTo(number);
        assertThat(as(dev, () -> lessons.details(lesson)).proposals()).extracting(ProposalView::takenIntoVersion).containsExactly(number);
    }

    @Test
    void changeAndRemoveGoIntoAnExistingDraftAndANoteIsAcknowledged() {
        as(pmo, () -> library.startDraft(runbook));
        Long change = propose(ProposalKind.CHANGE, load, "Load data with production volumes", null);
        UUID restore = as(dev, () -> lessons.itemChoices(runbook)).stream().filter(i -> i.title().equals("Restore backup")).findFirst()
                .orElseThrow().key();
        Long remove = propose(ProposalKind.REMOVE, restore, null, "Never used");
        Long note = propose(ProposalKind.NOTE, null, null, "Consider a second rehearsal.");

        as(admin, () -> {
            proposals.accept(change, view(admin, change).version());
            proposals.accept(remove, view(admin, remove).version());
            proposals.accept(note, view(admin, note).version());
            return null;
        });

        assertThat(draftTitles()).containsExactly("Extract legacy data", "Load data with production volumes", "Business sign-off");
        assertThat(view(dev, note).state()).isEqualTo(ProposalState.ACCEPTED);
        assertThat(as(pmo, () -> proposals.pendingCount(runbook))).isZero();
    }

    @Test
    void discardingTheDraftPutsTheProposalsItTookBackInTheQueue() {
        Long id = propose(ProposalKind.ADD_AFTER, load, "Reconcile record counts", null);
        as(pmo, () -> {
            proposals.accept(id, view(pmo, id).version());
            return null;
        });
        as(pmo, () -> {
            library.discardDraft(runbook);
            return null;
        });

        ProposalView again = view(pmo, id);
        assertThat(again.state()).isEqualTo(ProposalState.PENDING);
        assertThat(again.decidedBy()).isNull();
        assertThat(as(pmo, () -> library.details(runbook)).changes()).extracting(c -> c.summary())
                .anySatisfy(line -> assertThat(line).contains("Discarded the draft. The change proposal accepted into it waits again."))
                .anySatisfy(line -> assertThat(line).startsWith("Accepted into the draft: Add “Reconcile record counts” after “Load data”"))
                .anySatisfy(line -> assertThat(line).startsWith("Proposed from the lesson “Reconcile after loading”"));
    }

    @Test
    void declineNeedsAReasonAndTellsTheProposerWhy() {
        Long id = propose(ProposalKind.REMOVE, load, null, null);

        assertThatThrownBy(() -> as(pmo, () -> {
            proposals.decline(id, view(pmo, id).version(), " ");
            return null;
        })).isInstanceOf(RuleViolationException.class).extracting(e -> ((RuleViolationException) e).field()).isEqualTo("reason");
        assertThat(view(pmo, id).state()).isEqualTo(ProposalState.PENDING);

        as(pmo, () -> {
            proposals.decline(id, view(pmo, id).version(), "The load is the migration itself.");
            return null;
        });
        ProposalView declined = view(dev, id);
        assertThat(declined.state()).isEqualTo(ProposalState.DECLINED);
        assertThat(declined.declineReason()).isEqualTo("The load is the migration itself.");
        assertThat(as(pmo, () -> library.draft(runbook))).as("declining changes no draft").isEmpty();
        assertThat(as(dev, () -> notifications.recent(0, 10))).anySatisfy(n -> {
            assertThat(n.title()).contains("was declined");
            assertThat(n.body()).contains("The load is the migration itself.");
        });
    }

    @Test
    void onlyAdminAndPmoAcceptOrDecline() {
        Long id = propose(ProposalKind.NOTE, null, null, "Please review the rollback timing.");
        long version = view(dev, id).version();
        for (Member notAllowed : List.of(pm, dev)) {
            assertThatThrownBy(() -> as(notAllowed, () -> {
                proposals.accept(id, version);
                return null;
            })).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(notAllowed, () -> {
                proposals.decline(id, version, "No");
                return null;
            })).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(view(pmo, id).state()).isEqualTo(ProposalState.PENDING);
    }

    @Test
    void aStaleDecisionIsAConflictNotASecondDecision() {
        Long id = propose(ProposalKind.NOTE, null, null, "Note");
        long version = view(pmo, id).version();
        as(pmo, () -> {
            proposals.accept(id, version);
            return null;
        });
        assertThatThrownBy(() -> as(admin, () -> {
            proposals.decline(id, version, "Too late");
            return null;
        })).isInstanceOf(app.cadence.shared.domain.ConcurrentChangeException.class);
    }

    @Test
    void anotherTenantCanNeitherSeeNorDecideAProposal() {
        Long id = propose(ProposalKind.NOTE, null, null, "Acme's secret note");
        long version = view(pmo, id).version();

        assertThatThrownBy(() -> as(foreigner, () -> {
            proposals.accept(id, version);
            return null;
        })).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(foreigner, () -> {
            proposals.decline(id, version, "Hijacked");
            return null;
        })).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(foreigner, () -> proposals.ofTemplate(runbook))).isInstanceOf(RecordNotFoundException.class);
        assertThat(as(foreigner, () -> proposals.ofLesson(lesson))).isEmpty();
        assertThat(as(foreigner, () -> repository.findById(id))).isEmpty();
        assertThat(as(foreigner, () -> proposals.pendingCount(runbook))).isZero();
        assertThatThrownBy(() -> as(foreigner, () -> proposals.propose(new TemplateProposals.ProposalRequest(runbook, ProposalKind.NOTE, null,
                null, "x", null, null, null)))).isInstanceOf(RecordNotFoundException.class);
        assertThat(view(pmo, id).state()).isEqualTo(ProposalState.PENDING);
    }
}
