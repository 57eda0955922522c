package app.cadence.lessons.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.lessons.domain.LessonCategory;
import app.cadence.lessons.domain.LessonRow;
import app.cadence.lessons.domain.LessonSource;
import app.cadence.lessons.service.LessonDraft;
import app.cadence.lessons.service.Lessons;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.KaribuTest;
import app.cadence.support.SampleTemplates;
import app.cadence.template.domain.TemplateKind;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The /lessons page: empty state, search and filters in the database, recording a lesson, a lesson's page linking back. */
class LessonsViewTest extends KaribuTest {

    @Autowired TenantScope scope;
    @Autowired Lessons lessons;

    Tenant tenant;
    Member pmo;
    Member dev;
    Member viewer;

    @BeforeEach
    void anOrganisation() {
        tenant = fixtures.tenant("Lessons view");
        pmo = fixtures.member(tenant, Role.PMO);
        dev = fixtures.member(tenant, Role.CONTRIBUTOR);
        viewer = fixtures.member(tenant, Role.VIEWER);
    }

    private Long record(Member as, LessonDraft draft) {
        return scope.call(as.userId(), as.tenantId(), () -> lessons.record(draft));
    }

    @Test
    void anEmptyLibrarySaysSoAndAViewerCannotRecord() {
        login(viewer.authentication());
        navigate("lessons");

        LessonsView view = _get(LessonsView.class);
        assertThat(GridKt._size(view.grid)).isZero();
        assertThat(view.emptyState.getText()).startsWith("No lessons recorded yet");
        assertThat(_find(Button.class, spec -> spec.withText("Record a lesson"))).isEmpty();
    }

    @Test
    void searchAndFiltersNarrowTheList() {
        Long runbook = fixtures.publishedTemplate(pmo, "ERP runbook", SampleTemplates.runbook());
        Long project = fixtures.project(pmo, "ERP-01", "ERP migration");
        record(dev, LessonDraft.manual().withText("Rehearse with production volumes", "The load overran.")
                .inCategory(LessonCategory.CUTOVER).withTags(List.of("data migration")).aboutTemplate(runbook, null).forProject(project));
        record(pmo, LessonDraft.manual().withText("Brief the service desk", "Calls spiked on day one.")
                .withRecommendation("A week before go-live.").inCategory(LessonCategory.COMMUNICATION));
        login(viewer.authentication());
        navigate("lessons");
        LessonsView view = _get(LessonsView.class);
        assertThat(GridKt._size(view.grid)).isEqualTo(2);

        type(view.search, "spiked");
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        assertThat(GridKt._get(view.grid, 0).title()).isEqualTo("Brief the service desk");
        view.search.clear();

        type(view.category, LessonCategory.CUTOVER);
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        assertThat(GridKt._get(view.grid, 0).templateName()).startsWith("ERP runbook");
        view.category.clear();

        type(view.tag, "Data Migration");
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        view.tag.clear();

        type(view.kind, TemplateKind.RETROSPECTIVE);
        assertThat(GridKt._size(view.grid)).isZero();
        assertThat(view.emptyState.getText()).startsWith("No lesson matches these filters");
        view.kind.clear();

        type(view.project, view.project.getListDataView().getItems().filter(p -> p.id().equals(project)).findFirst().orElseThrow());
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        LessonRow row = GridKt._get(view.grid, 0);
        assertThat(row.projectLabel()).isEqualTo("ERP-01 · ERP migration");
    }

    @Test
    void aContributorRecordsALessonAndLandsOnItsPage() {
        login(dev.authentication());
        navigate("lessons");
        _click(_get(Button.class, spec -> spec.withText("Record a lesson")));
        RecordLessonDialog dialog = _get(RecordLessonDialog.class);

        type(dialog.whatHappened, "Nobody owned the vendor's cutover tasks.");
        _click(dialog.save);
        assertThat(dialog.title.isInvalid()).as("the missing title is named").isTrue();
        assertThat(dialog.title.getErrorMessage()).startsWith("Give the lesson a title");
        assertThat(dialog.whatHappened.getValue()).as("nothing typed is lost").isEqualTo("Nobody owned the vendor's cutover tasks.");

        type(dialog.title, "Give vendor tasks a named owner");
        type(dialog.category, LessonCategory.VENDOR);
        type(dialog.tags, "Vendor, ownership");
        _click(dialog.save);

        LessonView page = _get(LessonView.class);
        assertThat(page.getPageTitle()).startsWith("Give vendor tasks a named owner");
        assertThat(_find(Button.class, spec -> spec.withText("Propose a template change…"))).as("no template: nothing to propose to").isEmpty();
    }

    @Test
    void anotherModuleOpensTheDialogPrefilledFromARetrospectiveCard() {
        Long runbook = fixtures.publishedTemplate(pmo, "ERP runbook", SampleTemplates.runbook());
        Long project = fixtures.project(pmo, "ERP-01", "ERP migration");
        java.util.UUID load = scope.call(dev.userId(), dev.tenantId(), () -> lessons.itemChoices(runbook)).stream()
                .filter(i -> i.title().equals("Load data")).findFirst().orElseThrow().key();
        login(dev.authentication());
        navigate("lessons");
        Long[] recorded = new Long[1];
        // What the retrospective board does from a card.
        new RecordLessonDialog(lessons, LessonDraft.from(LessonSource.retroCard(40L, "Card “Load overran”", "/retros/12?card=40"))
                .forProject(project).aboutTemplate(runbook, load).withText("The load overran", "The load overran by three hours."))
                .onRecorded(id -> recorded[0] = id).open();

        RecordLessonDialog dialog = _get(RecordLessonDialog.class);
        assertThat(dialog.title.getValue()).isEqualTo("The load overran");
        assertThat(dialog.whatHappened.getValue()).isEqualTo("The load overran by three hours.");
        assertThat(dialog.template.getValue().id()).isEqualTo(runbook);
        assertThat(dialog.item.getValue().key()).isEqualTo(load);
        assertThat(dialog.project.getValue().id()).isEqualTo(project);
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withClasses("lesson-source")).getText())
                .isEqualTo("From: Card “Load overran”");
        type(dialog.category, LessonCategory.CUTOVER);
        _click(dialog.save);

        assertThat(recorded[0]).isNotNull();
        assertThat(scope.call(dev.userId(), dev.tenantId(), () -> lessons.details(recorded[0]).source().link())).isEqualTo("/retros/12?card=40");
    }

    @Test
    void aLessonPageLinksBackToItsSourceProjectAndTemplate() {
        Long runbook = fixtures.publishedTemplate(pmo, "ERP runbook", SampleTemplates.runbook());
        Long project = fixtures.project(pmo, "ERP-01", "ERP migration");
        Long id = record(dev, LessonDraft.from(LessonSource.retroAction(77L, "Action “Book the load rehearsal”", "/retros/5?action=77"))
                .withText("Book rehearsals early", "The environment was booked by another project.").inCategory(LessonCategory.PLANNING)
                .aboutTemplate(runbook, null).forProject(project));
        login(dev.authentication());
        navigate("lessons/" + id);

        List<String> links = _find(Anchor.class).stream().map(Anchor::getHref).toList();
        assertThat(links).contains("retros/5?action=77", "projects/" + project, "templates/" + runbook);
        assertThat(_find(Button.class, spec -> spec.withText("Propose a template change…"))).hasSize(1);
    }
}
