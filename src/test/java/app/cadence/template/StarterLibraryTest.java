package app.cadence.template;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.IntegrationTest;
import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.SectionRole;
import app.cadence.template.domain.StepType;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.domain.TemplateRow;
import app.cadence.template.domain.TemplateSection;
import app.cadence.template.service.StarterLibrary;
import app.cadence.template.service.TemplateFormat;
import app.cadence.template.service.TemplateLibrary;
import app.cadence.template.service.TemplateViews.Filter;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;

@IntegrationTest
class StarterLibraryTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired TemplateLibrary library;
    @Autowired StarterLibrary starter;

    @Test
    void aNewTenantStartsWithPublishedSoundTemplatesOfEveryKind() {
        Fixtures.Tenant tenant = fixtures.tenant("Starter");
        Member pm = fixtures.member(tenant, Role.PM);

        starter.installInto(tenant.id());

        List<TemplateRow> rows = scope.call(pm.userId(), pm.tenantId(), () -> library.list(Filter.all(), Sort.by("name"), 0, 50));
        assertThat(rows).extracting(TemplateRow::name).contains(
                "ERP go-live cutover runbook", "Cloud migration cutover", "Sprint retrospective — Start / Stop / Continue",
                "Sprint retrospective — 4Ls", "Sprint retrospective — Mad / Sad / Glad", "Sprint retrospective — Sailboat",
                "Post-implementation review", "Project communication plan");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.latestPublished()).isEqualTo(1);
            assertThat(row.draftPending()).isFalse();
        });
        assertThat(rows).extracting(TemplateRow::kind).contains(TemplateKind.values());

        TemplateRow erp = rows.stream().filter(r -> r.name().startsWith("ERP")).findFirst().orElseThrow();
        Long version = scope.call(pm.userId(), pm.tenantId(), () -> library.details(erp.id())).versions().getFirst().id();
        TemplateContent runbook = scope.call(pm.userId(), pm.tenantId(), () -> library.version(erp.id(), version)).content();
        assertThat(runbook.problems()).isEmpty();
        assertThat(runbook.sections()).extracting(TemplateSection::role).containsExactly(
                SectionRole.PREPARATION, SectionRole.EXECUTION, SectionRole.VALIDATION, SectionRole.ROLLBACK, SectionRole.HYPERCARE);
        assertThat(runbook.items().map(CutoverStep.class::cast).filter(s -> s.type() == StepType.GO_NO_GO)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(runbook.items().map(CutoverStep.class::cast).filter(s -> s.recurrence() != null))
                .extracting(CutoverStep::title, s -> s.recurrence().label())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Hypercare daily stand-up: incidents, data fixes, user questions",
                        "Daily at 09:00 for 14 days"));
    }

    @Test
    void everyStarterTemplateSurvivesAJsonRoundTripWithoutScheduleWarnings() {
        Fixtures.Tenant tenant = fixtures.tenant("RoundTrip");
        Member pmo = fixtures.member(tenant, Role.PMO);
        starter.installInto(tenant.id());
        List<TemplateRow> rows = scope.call(pmo.userId(), pmo.tenantId(), () -> library.list(Filter.all(), Sort.by("name"), 0, 50));
        assertThat(rows).hasSize(8);
        for (TemplateRow row : rows) {
            Long version = scope.call(pmo.userId(), pmo.tenantId(), () -> library.details(row.id())).versions().getFirst().id();
            TemplateContent content = scope.call(pmo.userId(), pmo.tenantId(), () -> library.version(row.id(), version)).content();
            String exported = TemplateFormat.writeDocument(row.name(), null, 1, content);
            assertThat(TemplateFormat.readDocument(exported).content()).as(row.name()).isEqualTo(content);
            assertThat(TemplateFormat.readDocument(exported).name()).isEqualTo(row.name());
            // A newcomer's templates are clean: no step starts before one of its predecessors finishes.
            assertThat(content.scheduleWarnings()).as(row.name()).isEmpty();
        }
    }
}
