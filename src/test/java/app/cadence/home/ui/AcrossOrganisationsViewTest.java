package app.cadence.home.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.home.service.HomeRow;
import app.cadence.home.service.HomeRowKind;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.KaribuTest;
import app.cadence.support.SampleTemplates;
import app.cadence.support.TestClock;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.work.domain.Anchors;
import app.cadence.work.service.InstanceApplication;
import app.cadence.work.service.InstanceReading;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import app.cadence.work.service.InstanceViews.ItemRef;
import app.cadence.work.service.ItemWork;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The consultant's home page: both organisations' work in one list, filters, and a line that enters its organisation. */
class AcrossOrganisationsViewTest extends KaribuTest {

    @Autowired TenantScope scope;
    @Autowired InstanceApplication applying;
    @Autowired InstanceReading reading;
    @Autowired ItemWork itemWork;
    @Autowired app.cadence.tenancy.service.TenantProvisioning provisioning;
    @Autowired TestClock clock;

    Tenant acme;
    Tenant globex;
    Member consultant;
    Member atGlobex;

    @BeforeEach
    void setUp() {
        acme = fixtures.tenant("Acme");
        globex = fixtures.tenant("Globex");
        provisioning.changeTimeZone(globex.id(), ZoneId.of("America/New_York"));
        consultant = fixtures.member(acme, Role.PM);
        atGlobex = fixtures.join(consultant, globex, Role.CONTRIBUTOR);
        assign(consultant, fixtures.member(acme, Role.PMO), consultant);
        assign(fixtures.member(globex, Role.PM), fixtures.member(globex, Role.PMO), atGlobex);
    }

    void assign(Member pm, Member pmo, Member to) {
        Long templateId = fixtures.publishedTemplate(pmo, "Runbook", SampleTemplates.runbook());
        Long projectId = fixtures.project(pm, "P-" + UUID.randomUUID().toString().substring(0, 4), "Project");
        scope.run(pm.userId(), pm.tenantId(), () -> {
            Long versionId = applying.applicableTemplates().stream().filter(t -> t.id().equals(templateId)).findFirst().orElseThrow().latest().id();
            Long instance = applying.instantiate(new InstantiationRequest(projectId, templateId, versionId, "Cutover",
                    Anchors.at(LocalDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).plusDays(3).withSecond(0).withNano(0))));
            List<ItemRef> refs = reading.details(instance).items().stream().map(i -> new ItemRef(i.id(), i.version())).toList();
            itemWork.bulkAssign(instance, refs, to.userId());
        });
    }

    @SuppressWarnings("unchecked")
    List<HomeRow> rows(AcrossOrganisationsView view) {
        return IntStream.range(0, GridKt._size(view.grid)).mapToObj(i -> GridKt._get(view.grid, i)).toList();
    }

    @Test
    void aConsultantLandsOnBothOrganisationsWorkAndOpensAGlobexItemInGlobex() {
        login(consultant.authentication());
        navigate("");
        AcrossOrganisationsView view = _get(AcrossOrganisationsView.class);
        List<HomeRow> rows = rows(view);
        assertThat(rows).extracting(HomeRow::organisation).contains(acme.name(), globex.name());
        HomeRow globexItem = rows.stream().filter(r -> r.tenantId().equals(globex.id()) && r.kind() == HomeRowKind.ITEM).findFirst().orElseThrow();
        int index = rows.indexOf(globexItem);
        Span when = (Span) GridKt._getCellComponent(view.grid, index, "when");
        assertThat(when.getText()).as("Globex's time, labelled with its zone").endsWith("(America/New_York)");

        view.organisation.setValue(globex.name());
        assertThat(rows(view)).isNotEmpty().allMatch(r -> r.tenantId().equals(globex.id()));
        view.kind.setValue(HomeRowKind.NOTIFICATION);
        assertThat(rows(view)).allMatch(r -> r.kind() == HomeRowKind.NOTIFICATION && r.tenantId().equals(globex.id()));
        view.kind.clear();

        int row = rows(view).indexOf(globexItem);
        _click((Button) GridKt._getCellComponent(view.grid, row, "title"));
        assertThat(TenantContext.currentSelection().orElseThrow().tenantId()).as("opening a Globex line enters Globex").isEqualTo(globex.id());
        assertThat(TenantContext.currentSelection().orElseThrow().role()).isEqualTo(Role.CONTRIBUTOR);
    }

    @Test
    void eachOrganisationIsReadInsideItEvenWhenTheSessionHoldsAnother() {
        // As in the running app: the HTTP session holds the signed-in context (Acme), which Vaadin's
        // security context holder prefers to the thread's while a Vaadin request is handled.
        login(consultant.authentication());
        var signedIn = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        signedIn.setAuthentication(consultant.authentication());
        com.vaadin.flow.server.VaadinSession.getCurrent().getSession()
                .setAttribute(org.springframework.security.web.context.HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, signedIn);
        navigate("home");
        AcrossOrganisationsView view = _get(AcrossOrganisationsView.class);
        List<HomeRow> atGlobex = rows(view).stream().filter(r -> r.tenantId().equals(globex.id())).toList();
        assertThat(atGlobex).isNotEmpty().allMatch(r -> r.zone().getId().equals("America/New_York"));
        List<String> acmeTargets = rows(view).stream().filter(r -> r.tenantId().equals(acme.id())).map(HomeRow::target).toList();
        assertThat(atGlobex).extracting(HomeRow::target).as("Globex's lines are Globex's, not Acme's read again").doesNotContainAnyElementsOf(acmeTargets);
    }

    @Test
    void someoneInOneOrganisationLandsWhereTheyDidBefore() {
        Member onlyAcme = fixtures.member(acme, Role.PM);
        login(onlyAcme.authentication());
        navigate("");
        assertThat(UI().getInternals().getActiveViewLocation().getPath()).isEqualTo("projects");
    }

    static com.vaadin.flow.component.UI UI() {
        return com.vaadin.flow.component.UI.getCurrent();
    }
}
