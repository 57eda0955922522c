package app.cadence.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.lessons.domain.LessonCategory;
import app.cadence.lessons.domain.LessonRepository;
import app.cadence.lessons.domain.LessonRow;
import app.cadence.lessons.domain.LessonSource;
import app.cadence.lessons.service.LessonDetails;
import app.cadence.lessons.service.LessonDraft;
import app.cadence.lessons.service.LessonFilter;
import app.cadence.lessons.service.Lessons;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.IntegrationTest;
import app.cadence.support.SampleTemplates;
import app.cadence.template.domain.ProposalKind;
import app.cadence.template.domain.TemplateKind;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Recording, searching and reading lessons; roles (a VIEWER reads only) and isolation (another tenant's lesson is not there). */
@IntegrationTest
@org.springframework.test.context.event.RecordApplicationEvents
class LessonsServiceTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired Lessons lessons;
    @Autowired LessonRepository repository;
    @Autowired java.time.Clock clock;
    @Autowired app.cadence.project.service.ProjectService projects;
    @Autowired org.springframework.test.context.event.ApplicationEvents events;
    @Autowired jakarta.persistence.EntityManagerFactory entityManagerFactory;

    Member pmo;
    Member dev;
    Member viewer;
    Member foreigner;
    Long runbook;
    UUID loadStep;
    Long project;

    @BeforeEach
    void organisationWithARunbookAndAProject() {
        Fixtures.Tenant acme = fixtures.tenant("Lessons Acme");
        pmo = fixtures.member(acme, Role.PMO);
        dev = fixtures.member(acme, Role.CONTRIBUTOR);
        viewer = fixtures.member(acme, Role.VIEWER);
        foreigner = fixtures.member(fixtures.tenant("Lessons Globex"), Role.ADMIN);
        runbook = fixtures.publishedTemplate(pmo, "ERP runbook", SampleTemplates.runbook());
        loadStep = as(dev, () -> lessons.itemChoices(runbook)).stream().filter(i -> i.title().equals("Load data")).findFirst().orElseThrow().key();
        project = fixtures.project(pmo, "ERP-01", "ERP migration");
    }

    <T> T as(Member m, Supplier<T> work) {
        return scope.call(m.userId(), m.tenantId(), work);
    }

    LessonDraft draft(String title) {
        return LessonDraft.from(LessonSource.retroCard(40L, "Card “Load overran”", "/retros/12?card=40"))
                .withText(title, "The data load ran three hours over in the rehearsal.")
                .withImpact("Go-live delayed by a day.")
                .withRecommendation("Rehearse the load with production volumes.")
                .inCategory(LessonCategory.CUTOVER)
                .withTags(List.of("Data Migration", "volumes"))
                .aboutTemplate(runbook, loadStep)
                .forProject(project);
    }

    @Test
    void aContributorRecordsALessonFromARetrospectiveCard() {
        Long id = as(dev, () -> lessons.record(draft("Rehearse with production volumes")));

        LessonDetails lesson = as(viewer, () -> lessons.details(id));
        assertThat(lesson.title()).isEqualTo("Rehearse with production volumes");
        assertThat(lesson.tags()).containsExactly("data-migration", "volumes");
        assertThat(lesson.templateName()).startsWith("ERP runbook");
        assertThat(lesson.templateKind()).isEqualTo(TemplateKind.CUTOVER);
        assertThat(lesson.itemTitle()).isEqualTo("Load data");
        assertThat(lesson.projectLabel()).endsWith("ERP migration");
        assertThat(lesson.source()).isEqualTo(new LessonSource(LessonSource.RETRO_CARD, 40L, "Card “Load overran”", "/retros/12?card=40"));
        assertThat(lesson.recordedBy()).isEqualTo(dev.name());
        assertThat(lesson.canPropose()).as("a VIEWER reads only").isFalse();
        assertThat(as(dev, () -> lessons.details(id)).canPropose()).isTrue();
        // The retrospective module can follow where its cards became lessons.
        assertThat(events.stream(app.cadence.lessons.events.LessonRecorded.class)).singleElement().satisfies(e -> {
            assertThat(e.lessonId()).isEqualTo(id);
            assertThat(e.sourceKind()).isEqualTo(LessonSource.RETRO_CARD);
            assertThat(e.sourceId()).isEqualTo(40L);
            assertThat(e.tenantId()).isEqualTo(dev.tenantId());
        });
    }

    @Test
    void aDeletedProjectsLessonsStayWithoutTheLink() {
        Long id = as(dev, () -> lessons.record(draft("Kept after the project")));
        long version = fixtures.load(pmo, project).getVersion();
        scope.run(pmo.userId(), pmo.tenantId(), () -> projects.delete(project, version));

        LessonDetails lesson = as(dev, () -> lessons.details(id));
        assertThat(lesson.projectId()).isNull();
        assertThat(lesson.projectLabel()).isEqualTo("ERP-01 · ERP migration");
        assertThat(as(dev, () -> lessons.count(LessonFilter.none()))).isEqualTo(1);
    }

    @Test
    void aViewerCannotRecordNorPropose() {
        assertThatThrownBy(() -> as(viewer, () -> lessons.record(draft("Viewer's lesson")))).isInstanceOf(AccessDeniedException.class);
        Long id = as(dev, () -> lessons.record(draft("A lesson")));
        assertThatThrownBy(() -> as(viewer, () -> lessons.proposeChange(id, ProposalKind.NOTE, null, null, "Please")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as(viewer, () -> lessons.mayRecord())).isFalse();
    }

    @Test
    void missingOrWrongFieldsAreNamed() {
        assertThatThrownBy(() -> as(dev, () -> lessons.record(draft(" ")))).isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).field()).isEqualTo("title");
        assertThatThrownBy(() -> as(dev, () -> lessons.record(draft("x").withText("x", "")))).isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).field()).isEqualTo("whatHappened");
        assertThatThrownBy(() -> as(dev, () -> lessons.record(draft("x").inCategory(null)))).isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).field()).isEqualTo("category");
        assertThatThrownBy(() -> as(dev, () -> lessons.record(draft("x").aboutTemplate(runbook, UUID.randomUUID()))))
                .isInstanceOf(RuleViolationException.class).extracting(e -> ((RuleViolationException) e).field()).isEqualTo("item");
    }

    @Test
    void searchAndFiltersWorkInTheDatabase() {
        Long first = as(dev, () -> lessons.record(draft("Rehearse with production volumes")));
        Long second = as(pmo, () -> lessons.record(LessonDraft.manual().withText("Tell the service desk early", "Calls spiked on day one.")
                .withRecommendation("Brief the service desk a week before.").inCategory(LessonCategory.COMMUNICATION).withTags(List.of("service desk"))));

        assertThat(ids(LessonFilter.none())).containsExactly(second, first);
        assertThat(ids(LessonFilter.none().search("PRODUCTION"))).containsExactly(first);
        assertThat(ids(LessonFilter.none().search("spiked"))).as("what happened").containsExactly(second);
        assertThat(ids(LessonFilter.none().search("week before"))).as("recommendation").containsExactly(second);
        assertThat(ids(LessonFilter.none().search("volumes"))).as("tags and text").containsExactly(first);
        assertThat(ids(LessonFilter.none().search("100%"))).isEmpty();
        assertThat(ids(LessonFilter.none().template(runbook))).containsExactly(first);
        assertThat(ids(LessonFilter.none().kind(TemplateKind.CUTOVER))).containsExactly(first);
        assertThat(ids(LessonFilter.none().kind(TemplateKind.RETROSPECTIVE))).isEmpty();
        assertThat(ids(LessonFilter.none().category(LessonCategory.COMMUNICATION))).containsExactly(second);
        assertThat(ids(LessonFilter.none().tag("Service Desk"))).containsExactly(second);
        assertThat(ids(LessonFilter.none().tag("service"))).as("a whole tag, not part of one").isEmpty();
        assertThat(ids(LessonFilter.none().project(project))).containsExactly(first);
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
        assertThat(ids(LessonFilter.none().between(today.minusDays(1), today.plusDays(1)))).containsExactly(second, first);
        assertThat(ids(LessonFilter.none().between(today.plusDays(2), null))).isEmpty();
        assertThat(as(viewer, () -> lessons.count(LessonFilter.none().category(LessonCategory.CUTOVER)))).isEqualTo(1);
        assertThat(as(viewer, () -> lessons.search(LessonFilter.none(), Sort.by("title"), 0, 10))).extracting(LessonRow::id)
                .containsExactly(first, second);
        assertThat(as(viewer, () -> lessons.search(LessonFilter.none(), Sort.by("title; drop table lesson"), 0, 10))).hasSize(2);
    }

    @Test
    void theListsFirstRequestIsOneStatementWhenThePageHoldsEveryMatch() {
        as(dev, () -> lessons.record(draft("Rehearse with production volumes")));
        org.hibernate.stat.Statistics statistics = entityManagerFactory.unwrap(org.hibernate.SessionFactory.class).getStatistics();
        Lessons.LessonPage page = as(viewer, () -> {
            statistics.setStatisticsEnabled(true);
            statistics.clear();
            try {
                return lessons.firstPage(LessonFilter.none().search("volumes"), Sort.unsorted(), 50);
            } finally {
                statistics.setStatisticsEnabled(false);
            }
        });
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.rows()).hasSize(1);
        assertThat(statistics.getPrepareStatementCount()).as("no count statement when the page is not full").isEqualTo(1);
        assertThat(as(viewer, () -> lessons.firstPage(LessonFilter.none(), Sort.unsorted(), 1)).total()).isEqualTo(1);
    }

    @Test
    void anotherTenantCanNeitherReadNorUseALesson() {
        Long id = as(dev, () -> lessons.record(draft("Acme's secret lesson")));

        assertThat(as(foreigner, () -> lessons.search(LessonFilter.none(), Sort.unsorted(), 0, 100))).extracting(LessonRow::id).doesNotContain(id);
        assertThat(as(foreigner, () -> lessons.count(LessonFilter.none().search("secret lesson")))).isZero();
        assertThatThrownBy(() -> as(foreigner, () -> lessons.details(id))).isInstanceOf(RecordNotFoundException.class)
                .hasMessage("Lesson " + id + " was not found.");
        assertThatThrownBy(() -> as(foreigner, () -> lessons.proposeChange(id, ProposalKind.NOTE, null, null, "Hijack")))
                .isInstanceOf(RecordNotFoundException.class);
        assertThat(as(foreigner, () -> repository.findById(id))).isEmpty();
        // Recording against another tenant's template or project: not found, as if they did not exist.
        assertThatThrownBy(() -> as(foreigner, () -> lessons.record(LessonDraft.manual().withText("x", "y").inCategory(LessonCategory.OTHER)
                .aboutTemplate(runbook, null)))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(foreigner, () -> lessons.record(LessonDraft.manual().withText("x", "y").inCategory(LessonCategory.OTHER)
                .forProject(project)))).isInstanceOf(RecordNotFoundException.class);
        assertThat(as(dev, () -> lessons.details(id)).proposals()).isEmpty();
    }

    private List<Long> ids(LessonFilter filter) {
        return as(viewer, () -> lessons.search(filter, Sort.unsorted(), 0, 100)).stream().map(LessonRow::id).toList();
    }
}
