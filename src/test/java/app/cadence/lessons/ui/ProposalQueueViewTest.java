package app.cadence.lessons.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.lessons.domain.LessonCategory;
import app.cadence.lessons.service.LessonDraft;
import app.cadence.lessons.service.Lessons;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.KaribuTest;
import app.cadence.support.SampleTemplates;
import app.cadence.template.domain.ProposalKind;
import app.cadence.template.domain.ProposalState;
import app.cadence.template.domain.TemplateItem;
import app.cadence.template.service.TemplateLibrary;
import app.cadence.template.service.TemplateProposals;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The template page's proposal queue (ADMIN/PMO accept or decline) and its Lessons tab; a lesson proposing a change from its page. */
class ProposalQueueViewTest extends KaribuTest {

    @Autowired TenantScope scope;
    @Autowired Lessons lessons;
    @Autowired TemplateProposals proposals;
    @Autowired TemplateLibrary library;

    Member pmo;
    Member pm;
    Member dev;
    Long runbook;
    Long lesson;
    UUID load;

    @BeforeEach
    void aLessonAboutARunbook() {
        Tenant tenant = fixtures.tenant("Proposal queue");
        pmo = fixtures.member(tenant, Role.PMO);
        pm = fixtures.member(tenant, Role.PM);
        dev = fixtures.member(tenant, Role.CONTRIBUTOR);
        runbook = fixtures.publishedTemplate(pmo, "ERP runbook", SampleTemplates.runbook());
        load = scope.call(dev.userId(), dev.tenantId(), () -> lessons.itemChoices(runbook)).stream()
                .filter(i -> i.title().equals("Load data")).findFirst().orElseThrow().key();
        lesson = scope.call(dev.userId(), dev.tenantId(), () -> lessons.record(LessonDraft.manual()
                .withText("Reconcile after loading", "Counts were off.").inCategory(LessonCategory.CUTOVER).aboutTemplate(runbook, load)));
    }

    @Test
    void aContributorProposesFromTheLessonPage() {
        login(dev.authentication());
        navigate("lessons/" + lesson);
        _click(_get(Button.class, spec -> spec.withText("Propose a template change…")));
        ProposeChangeDialog dialog = _get(ProposeChangeDialog.class);
        assertThat(dialog.item.getValue().key()).as("the lesson's step is preselected").isEqualTo(load);
        _click(_get(Button.class, spec -> spec.withClasses("send-proposal")));
        assertThat(dialog.title.isInvalid()).isTrue();
        type(dialog.title, "Reconcile record counts");
        _click(_get(Button.class, spec -> spec.withClasses("send-proposal")));

        assertThat(scope.call(pmo.userId(), pmo.tenantId(), () -> proposals.ofTemplate(runbook))).singleElement()
                .satisfies(p -> assertThat(p.summary()).isEqualTo("Add “Reconcile record counts” after “Load data”"));
        assertThat(_find(Paragraph.class, spec -> spec.withClasses("lesson-proposal"))).singleElement()
                .satisfies(p -> assertThat(p.getText()).contains("pending"));
    }

    @Test
    void thePmoAcceptsIntoTheDraftAndDeclinesWithAReason() {
        Long add = scope.call(dev.userId(), dev.tenantId(), () -> lessons.proposeChange(lesson, ProposalKind.ADD_AFTER, load,
                "Reconcile record counts", null));
        Long note = scope.call(dev.userId(), dev.tenantId(), () -> lessons.proposeChange(lesson, ProposalKind.NOTE, null, null,
                "Consider a second rehearsal."));
        login(pmo.authentication());
        navigate("templates/" + runbook);
        assertThat(_find(com.vaadin.flow.component.tabs.Tab.class, spec -> spec.withClasses("proposals-tab"))).singleElement()
                .satisfies(t -> assertThat(t.getLabel()).isEqualTo("Proposals (2)"));
        _click(_get(Button.class, spec -> spec.withClasses("proposals-waiting")));
        assertThat(_find(Button.class, spec -> spec.withClasses("accept-proposal"))).hasSize(2);

        // The decline dialog needs a reason; then the note is declined.
        _click(_find(Button.class, spec -> spec.withClasses("decline-proposal")).getFirst());
        _click(_get(Button.class, spec -> spec.withClasses("confirm-decline")));
        TextArea reason = _get(TextArea.class, spec -> spec.withClasses("decline-reason"));
        assertThat(reason.isInvalid()).isTrue();
        type(reason, "We already plan two rehearsals.");
        _click(_get(Button.class, spec -> spec.withClasses("confirm-decline")));
        assertThat(state(note)).isEqualTo(ProposalState.DECLINED);

        _click(_get(Button.class, spec -> spec.withClasses("accept-proposal")));
        assertThat(state(add)).isEqualTo(ProposalState.ACCEPTED);
        assertThat(scope.call(pmo.userId(), pmo.tenantId(), () -> library.draft(runbook)).orElseThrow().content().items()
                .map(TemplateItem::title)).contains("Reconcile record counts");
        assertThat(_find(Button.class, spec -> spec.withClasses("accept-proposal"))).isEmpty();
        assertThat(_find(com.vaadin.flow.component.tabs.Tab.class, spec -> spec.withClasses("proposals-tab")).getFirst().getLabel())
                .isEqualTo("Proposals");
    }

    @Test
    void aPmSeesTheQueueWithoutDecidingAndTheLessonsTab() {
        scope.call(dev.userId(), dev.tenantId(), () -> lessons.proposeChange(lesson, ProposalKind.REMOVE, load, null, null));
        login(pm.authentication());
        navigate("templates/" + runbook);
        assertThat(_find(Button.class, spec -> spec.withClasses("proposals-waiting"))).as("a PM does not decide").isEmpty();
        select("Proposals (1)");

        assertThat(_find(Button.class, spec -> spec.withClasses("accept-proposal"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withClasses("decline-proposal"))).isEmpty();
        assertThat(_find(com.vaadin.flow.component.html.Span.class, spec -> spec.withClasses("proposal-summary"))).singleElement()
                .satisfies(s -> assertThat(s.getText()).contains("Remove “Load data”"));
        select("Lessons");
        var tab = _get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class, spec -> spec.withClasses("template-lessons"));
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<app.cadence.lessons.domain.LessonRow> grid =
                com.github.mvysny.kaributesting.v10.LocatorJ._get(tab, com.vaadin.flow.component.grid.Grid.class);
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._size(grid)).isEqualTo(1);
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._get(grid, 0).title()).isEqualTo("Reconcile after loading");
    }

    private void select(String label) {
        com.vaadin.flow.component.tabs.TabSheet sheet = _get(com.vaadin.flow.component.tabs.TabSheet.class);
        com.vaadin.flow.component.tabs.Tab tab = _find(com.vaadin.flow.component.tabs.Tab.class).stream().filter(t -> t.getLabel().equals(label))
                .findFirst().orElseThrow();
        sheet.setSelectedTab(tab);
    }

    private ProposalState state(Long id) {
        return scope.call(pmo.userId(), pmo.tenantId(), () -> proposals.ofTemplate(runbook)).stream().filter(p -> p.id().equals(id))
                .findFirst().orElseThrow().state();
    }
}
