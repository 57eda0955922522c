package app.cadence.home;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.admin.service.MemberAdministration;
import app.cadence.home.service.AcrossOrganisations;
import app.cadence.home.service.HomeRow;
import app.cadence.home.service.HomeRowKind;
import app.cadence.home.service.OrganisationPart;
import app.cadence.notify.domain.NotificationKind;
import app.cadence.notify.service.NotificationRequest;
import app.cadence.notify.service.Notifications;
import app.cadence.operator.service.TenantAdministration;
import app.cadence.project.service.ProjectForm;
import app.cadence.project.service.ProjectService;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.support.SampleTemplates;
import app.cadence.support.TestClock;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.work.domain.Anchors;
import app.cadence.work.service.InstanceApplication;
import app.cadence.work.service.InstanceReading;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import app.cadence.work.service.InstanceViews.ItemRef;
import app.cadence.work.service.ItemWork;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A consultant works for Acme (as PM) and Globex (as PMO); Initech, where they are no member, has
 * the same kind of work. Their home shows each of their organisations' part and nothing of any
 * other, with each organisation's role rules; a deactivated membership or a suspended
 * organisation contributes nothing.
 */
@IntegrationTest
class AcrossOrganisationsTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired AcrossOrganisations home;
    @Autowired app.cadence.home.service.CalendarFeeds feeds;
    @Autowired InstanceApplication applying;
    @Autowired InstanceReading reading;
    @Autowired ItemWork itemWork;
    @Autowired ProjectService projects;
    @Autowired Notifications notifications;
    @Autowired MemberAdministration members;
    @Autowired TenantAdministration operatorTenants;
    @Autowired TransactionTemplate transactions;
    @Autowired TestClock clock;

    Tenant acme;
    Tenant globex;
    Tenant initech;
    Member consultant;
    Member consultantAtGlobex;
    Member acmeAdmin;
    Member globexAdmin;
    Set<Long> acmeInstances;
    Set<Long> globexInstances;

    @BeforeEach
    void setUp() {
        acme = fixtures.tenant("Acme");
        globex = fixtures.tenant("Globex");
        initech = fixtures.tenant("Initech");
        consultant = fixtures.member(acme, Role.PM);
        consultantAtGlobex = fixtures.join(consultant, globex, Role.PMO);
        acmeAdmin = fixtures.member(acme, Role.ADMIN);
        globexAdmin = fixtures.member(globex, Role.ADMIN);
        Member globexPm = fixtures.member(globex, Role.PM);
        Member acmeOtherPm = fixtures.member(acme, Role.PM);
        Member initechPm = fixtures.member(initech, Role.PM);
        Member initechPmo = fixtures.member(initech, Role.PMO);
        LocalDate soon = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(5);

        acmeInstances = Set.of(runbookFor(consultant, acmeAdmin, consultant, goingLive(consultant, "ACM", soon, null)));
        // Another Acme PM's project goes live too: the consultant is a PM at Acme, with nothing on it.
        goingLive(acmeOtherPm, "ACO", soon, null);
        globexInstances = Set.of(runbookFor(globexPm, globexAdmin, consultantAtGlobex, goingLive(globexPm, "GLX", soon.plusDays(2), null)));
        runbookFor(initechPm, initechPmo, initechPm, goingLive(initechPm, "INI", soon, null));
        as(acmeAdmin, () -> transactions.execute(s -> notifications.send(NotificationRequest.to(consultant.userId(), NotificationKind.ITEM_ASSIGNED,
                "Acme needs you"))));
        as(initechPm, () -> transactions.execute(s -> notifications.send(NotificationRequest.to(initechPm.userId(), NotificationKind.ITEM_ASSIGNED,
                "Initech only"))));
    }

    <T> T as(Member member, Supplier<T> action) {
        return scope.call(member.userId(), member.tenantId(), action);
    }

    Long goingLive(Member pm, String key, LocalDate goLive, Long pmUserId) {
        Long id = fixtures.project(pm, key + "-" + UUID.randomUUID().toString().substring(0, 4), key + " project");
        as(pm, () -> {
            ProjectForm form = projects.load(id);
            form.setGoLiveDate(goLive);
            form.setPmUserId(pmUserId == null ? pm.userId() : pmUserId);
            return projects.update(form);
        });
        return id;
    }

    /** A runbook on the project, every step assigned to {@code assignee}; returns the instance. */
    Long runbookFor(Member pm, Member director, Member assignee, Long projectId) {
        Long templateId = fixtures.publishedTemplate(director, "Runbook", SampleTemplates.runbook());
        return as(pm, () -> {
            Long versionId = applying.applicableTemplates().stream().filter(t -> t.id().equals(templateId)).findFirst().orElseThrow().latest().id();
            Long instance = applying.instantiate(new InstantiationRequest(projectId, templateId, versionId, "Cutover",
                    Anchors.at(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(3).withSecond(0).withNano(0))));
            List<ItemRef> refs = reading.details(instance).items().stream().map(i -> new ItemRef(i.id(), i.version())).toList();
            itemWork.bulkAssign(instance, refs, assignee.userId());
            return instance;
        });
    }

    List<OrganisationPart> homeOfConsultant() {
        return as(consultant, home::parts);
    }

    @Test
    void eachOrganisationContributesItsOwnPartAndNothingOfAnyOther() {
        List<OrganisationPart> parts = homeOfConsultant();

        assertThat(parts).extracting(OrganisationPart::tenantId).containsExactlyInAnyOrder(acme.id(), globex.id());
        List<HomeRow> rows = AcrossOrganisations.merged(parts);
        assertThat(rows).extracting(HomeRow::tenantId).doesNotContain(initech.id());
        assertThat(rows).extracting(HomeRow::title).doesNotContain("Initech only");
        assertThat(rows).filteredOn(r -> r.kind() == HomeRowKind.ITEM && r.tenantId().equals(acme.id()))
                .hasSize(as(consultant, () -> Math.toIntExact(reading.countMyWork())))
                .allMatch(r -> r.organisation().equals(acme.name()) && acmeInstances.stream().anyMatch(i -> r.target().startsWith("instances/" + i + "?")));
        assertThat(rows).filteredOn(r -> r.kind() == HomeRowKind.ITEM && r.tenantId().equals(globex.id())).isNotEmpty()
                .allMatch(r -> globexInstances.stream().anyMatch(i -> r.target().startsWith("instances/" + i + "?")));
        assertThat(rows).filteredOn(r -> r.kind() == HomeRowKind.NOTIFICATION && r.tenantId().equals(acme.id())).extracting(HomeRow::title)
                .containsExactly("Acme needs you");
        assertThat(rows).filteredOn(r -> r.kind() == HomeRowKind.NOTIFICATION && r.tenantId().equals(globex.id())).extracting(HomeRow::title)
                .as("Globex's own notice of the steps assigned there").singleElement().asString().contains("GLX-");
        assertThat(rows).extracting(HomeRow::when).filteredOn(java.util.Objects::nonNull).isSorted();
    }

    @Test
    void eachOrganisationsRoleRulesApply() {
        List<OrganisationPart> parts = homeOfConsultant();
        OrganisationPart atAcme = parts.stream().filter(p -> p.tenantId().equals(acme.id())).findFirst().orElseThrow();
        OrganisationPart atGlobex = parts.stream().filter(p -> p.tenantId().equals(globex.id())).findFirst().orElseThrow();

        assertThat(atAcme.role()).isEqualTo(Role.PM);
        assertThat(atAcme.red()).as("a PM sees no portfolio counts").isNull();
        assertThat(atAcme.rows()).filteredOn(r -> r.kind() == HomeRowKind.GO_LIVE).extracting(HomeRow::where)
                .as("a PM: the go-live of their own project, not another PM's").singleElement().asString().startsWith("ACM-");
        assertThat(atGlobex.role()).isEqualTo(Role.PMO);
        assertThat(atGlobex.red()).isNotNull();
        assertThat(atGlobex.amber()).isNotNull();
        assertThat(atGlobex.rows()).filteredOn(r -> r.kind() == HomeRowKind.GO_LIVE).extracting(HomeRow::where)
                .as("a PMO: every go-live of the organisation").singleElement().asString().startsWith("GLX-");
    }

    @Test
    void aDeactivatedMembershipOrASuspendedOrganisationContributesNothing() {
        as(globexAdmin, () -> {
            members.deactivate(consultant.userId());
            return null;
        });
        assertThat(homeOfConsultant()).extracting(OrganisationPart::tenantId).containsExactly(acme.id());

        as(globexAdmin, () -> {
            members.reactivate(consultant.userId());
            return null;
        });
        var previous = SecurityContextHolder.getContext();
        try {
            var operator = SecurityContextHolder.createEmptyContext();
            operator.setAuthentication(fixtures.operator());
            SecurityContextHolder.setContext(operator);
            operatorTenants.suspend(acme.id(), "Security review");
        } finally {
            SecurityContextHolder.setContext(previous);
        }
        assertThat(as(consultantAtGlobex, home::parts)).extracting(OrganisationPart::tenantId).containsExactly(globex.id());
        assertThat(as(consultantAtGlobex, home::parts).stream().flatMap(p -> p.rows().stream()).map(HomeRow::tenantId).collect(Collectors.toSet()))
                .containsOnly(globex.id());
    }

    static String secretOf(String address) {
        return address.substring(address.lastIndexOf('/') + 1, address.length() - ".ics".length());
    }

    @Test
    void theCalendarFeedHasTheHomesDatesUntilRevokedOrTheMembershipEnds() {
        String address = as(consultant, feeds::createOrRotate);
        assertThat(address).contains("/calendar/").endsWith(".ics");
        String secret = secretOf(address);

        String calendar = feeds.calendar(secret).orElseThrow();
        assertThat(calendar).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n").contains("[" + acme.name() + "] ")
                .contains("[" + globex.name() + "] ").doesNotContain(initech.name()).doesNotContain("Acme needs you");
        assertThat(calendar.lines().filter(l -> l.startsWith("BEGIN:VEVENT")).count()).isEqualTo(AcrossOrganisations.merged(homeOfConsultant())
                .stream().filter(r -> r.when() != null && r.kind() != HomeRowKind.NOTIFICATION).count());
        assertThat(calendar.lines()).allMatch(l -> l.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75);
        assertThat(as(consultant, feeds::activeSince)).isPresent();

        as(globexAdmin, () -> {
            members.deactivate(consultant.userId());
            return null;
        });
        assertThat(feeds.calendar(secret).orElseThrow()).as("nothing of an organisation once the membership ends")
                .doesNotContain(globex.name()).contains(acme.name());

        String rotated = secretOf(as(consultant, feeds::createOrRotate));
        assertThat(feeds.calendar(secret)).as("the old address stops working").isEmpty();
        assertThat(feeds.calendar(rotated)).isPresent();
        as(consultant, () -> {
            feeds.revoke();
            return null;
        });
        assertThat(feeds.calendar(rotated)).isEmpty();
        assertThat(as(consultant, feeds::activeSince)).isEmpty();
        assertThat(feeds.calendar("not-a-secret")).isEmpty();
        assertThat(feeds.calendar("A".repeat(43))).isEmpty();
    }
}
