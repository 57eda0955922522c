package app.cadence.project;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.work.domain.Anchors;
import app.cadence.work.domain.ItemStatus;
import app.cadence.work.service.InstanceApplication;
import app.cadence.work.service.InstanceReading;
import app.cadence.work.service.ItemWork;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import app.cadence.work.service.InstanceViews.ItemRef;
import app.cadence.work.service.InstanceViews.ItemView;
import app.cadence.work.ui.InstanceView;
import app.cadence.project.ui.ProjectView;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.KaribuTest;
import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.SectionRole;
import app.cadence.template.domain.StepType;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateItem;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.domain.TemplateSection;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import jakarta.persistence.EntityManagerFactory;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The project page and an instance page load with a bounded number of SQL statements: the same
 * number for a 30-item runbook as for a 300-item one (no statement per item, instance or member).
 */
class PageStatementCountTest extends KaribuTest {

    /** What the pages need today, layout included; raise it only with a reason. */
    static final long PAGE_BUDGET = 20;

    @Autowired InstanceApplication applying;

    @Autowired InstanceReading reading;

    @Autowired ItemWork itemWork;
    @Autowired TenantScope scope;
    @Autowired EntityManagerFactory entityManagerFactory;

    Member pmo;
    Member pm;
    List<Member> team = new ArrayList<>();

    @BeforeEach
    void setUp() {
        Tenant tenant = fixtures.tenant("Counted");
        pmo = fixtures.member(tenant, Role.PMO);
        pm = fixtures.member(tenant, Role.PM);
        for (int i = 0; i < 5; i++) {
            team.add(fixtures.member(tenant, Role.CONTRIBUTOR));
        }
    }

    <T> T as(Member member, Supplier<T> action) {
        return scope.call(member.userId(), member.tenantId(), action::get);
    }

    /** A runbook of {@code steps} steps in 6 sections, each step after the previous one. */
    static TemplateContent runbook(int steps) {
        List<TemplateSection> sections = new ArrayList<>();
        UUID previous = null;
        int perSection = steps / 6;
        for (int s = 0; s < 6; s++) {
            List<TemplateItem> items = new ArrayList<>();
            for (int i = 0; i < perSection; i++) {
                UUID key = UUID.randomUUID();
                int n = s * perSection + i;
                items.add(new CutoverStep(key, "Step " + n, "Do step " + n, StepType.TASK, -steps * 10 + n * 10, 10, "Team " + (n % 4),
                        previous == null ? List.of() : List.of(previous), null, null, n % 7 == 0));
                previous = key;
            }
            sections.add(new TemplateSection(UUID.randomUUID(), "Section " + s, s == 5 ? SectionRole.HYPERCARE : SectionRole.EXECUTION, items));
        }
        return new TemplateContent(TemplateKind.CUTOVER, sections, null);
    }

    /** A project with one instance of the given size, items assigned round the team, some worked. */
    Long[] projectWithRunbook(int steps) {
        Long projectId = fixtures.project(pm, "P" + steps + "-" + UUID.randomUUID().toString().substring(0, 4), "Runbook " + steps);
        Long templateId = fixtures.publishedTemplate(pmo, "Runbook " + steps, runbook(steps));
        Long versionId = as(pm, () -> applying.applicableTemplates().stream().filter(t -> t.id().equals(templateId)).findFirst()
                .orElseThrow().latest().id());
        Long instanceId = as(pm, () -> applying.instantiate(new InstantiationRequest(projectId, templateId, versionId, "Live",
                Anchors.at(LocalDateTime.of(2026, 3, 3, 18, 0)))));
        List<ItemView> items = as(pm, () -> reading.details(instanceId)).items();
        for (int m = 0; m < team.size(); m++) {
            int member = m;
            List<ItemRef> refs = items.stream().filter(i -> i.id() % team.size() == member).map(i -> new ItemRef(i.id(), i.version())).toList();
            as(pm, () -> itemWork.bulkAssign(instanceId, refs, team.get(member).userId()));
        }
        List<ItemRef> blocked = as(pm, () -> reading.details(instanceId)).items().stream().limit(3).map(i -> new ItemRef(i.id(), i.version())).toList();
        as(pm, () -> itemWork.bulkStatus(instanceId, blocked, ItemStatus.BLOCKED, "Waiting for the vendor"));
        return new Long[] {projectId, instanceId};
    }

    /** Statements to open the page in a new tab (a new UI: not a view of the same class the tab already shows). */
    long statementsToOpen(String location) {
        signInAgain(pm.authentication());
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        navigate(location);
        long count = statistics.getPrepareStatementCount();
        statistics.setStatisticsEnabled(false);
        return count;
    }

    @Test
    void theProjectAndInstancePagesCostTheSameForThirtyAndThreeHundredItems() {
        Long[] small = projectWithRunbook(30);
        Long[] large = projectWithRunbook(300);

        long smallProject = statementsToOpen("projects/" + small[0]);
        assertThat(currentView()).isInstanceOf(ProjectView.class);
        long largeProject = statementsToOpen("projects/" + large[0]);
        long smallInstance = statementsToOpen("instances/" + small[1]);
        assertThat(currentView()).isInstanceOf(InstanceView.class);
        long largeInstance = statementsToOpen("instances/" + large[1]);

        System.out.printf("Statements: project page %d (30 items) / %d (300 items); instance page %d / %d%n",
                smallProject, largeProject, smallInstance, largeInstance);
        assertThat(smallProject).isPositive(); // the statistics really count
        assertThat(largeProject).isEqualTo(smallProject).isLessThanOrEqualTo(PAGE_BUDGET);
        assertThat(largeInstance).isEqualTo(smallInstance).isLessThanOrEqualTo(PAGE_BUDGET);
    }
}
