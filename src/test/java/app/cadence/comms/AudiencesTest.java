package app.cadence.comms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.comms.domain.DistributionListMember.Kind;
import app.cadence.comms.domain.DistributionListRow;
import app.cadence.comms.domain.StakeholderChannel;
import app.cadence.comms.domain.StakeholderDraft;
import app.cadence.comms.domain.StakeholderLevel;
import app.cadence.comms.service.Audience;
import app.cadence.comms.service.AudienceOption;
import app.cadence.comms.service.Audiences;
import app.cadence.comms.service.DistributionListCandidate;
import app.cadence.comms.service.DistributionLists;
import app.cadence.comms.service.Recipient;
import app.cadence.comms.service.StakeholderDetails;
import app.cadence.comms.service.Stakeholders;
import app.cadence.shared.domain.ConcurrentChangeException;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.IntegrationTest;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;

/** Distribution lists (roles, names, people on them) and audiences expanded to recipients, duplicates removed; isolation. */
@IntegrationTest
class AudiencesTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired Stakeholders stakeholders;
    @Autowired DistributionLists lists;
    @Autowired Audiences audiences;

    Member pm;
    Member pmo;
    Member dev;
    Member viewer;
    Member foreigner;
    Long crm;
    Long erp;
    StakeholderDetails jane;
    StakeholderDetails devAsStakeholder;
    StakeholderDetails noEmail;
    StakeholderDetails erpVendor;
    Long steering;

    @BeforeEach
    void organisationWithListsAndStakeholders() {
        Fixtures.Tenant acme = fixtures.tenant("Audiences Acme");
        pm = fixtures.member(acme, Role.PM);
        pmo = fixtures.member(acme, Role.PMO);
        dev = fixtures.member(acme, Role.CONTRIBUTOR);
        viewer = fixtures.member(acme, Role.VIEWER);
        foreigner = fixtures.member(fixtures.tenant("Audiences Globex"), Role.ADMIN);
        crm = fixtures.project(pm, "CRM-03", "CRM rollout");
        erp = fixtures.project(pm, "ERP-01", "ERP");
        jane = as(pm, () -> stakeholders.add(crm, person("Jane Roe", "jane@acme.example")));
        // The same person as a member, with the address in other capitals: one recipient.
        devAsStakeholder = as(pm, () -> stakeholders.add(crm, person("Dev as stakeholder", dev.email().toUpperCase())));
        noEmail = as(pm, () -> stakeholders.add(crm, person("Shop floor", null)));
        erpVendor = as(pm, () -> stakeholders.add(erp, person("Vera Vendor", "vera@vendor.example")));
        steering = as(pmo, () -> lists.create("Steering committee", "Monthly steering"));
        as(pmo, () -> {
            lists.add(steering, Kind.MEMBER, pm.userId());
            lists.add(steering, Kind.MEMBER, dev.userId());
            lists.add(steering, Kind.STAKEHOLDER, jane.id());
            lists.add(steering, Kind.STAKEHOLDER, erpVendor.id());
            lists.add(steering, Kind.STAKEHOLDER, jane.id()); // twice: listed once
        });
    }

    static StakeholderDraft person(String name, String email) {
        return new StakeholderDraft(name, email, "Acme", null, StakeholderLevel.MEDIUM, StakeholderLevel.MEDIUM, StakeholderChannel.EMAIL, null);
    }

    <T> T as(Member m, Supplier<T> work) {
        return scope.call(m.userId(), m.tenantId(), work);
    }

    void as(Member m, Runnable work) {
        scope.run(m.userId(), m.tenantId(), work);
    }

    @Test
    void listsAndStakeholdersExpandToRecipientsOnceEachInAStableOrder() {
        Audience audience = new Audience(Set.of(steering), Set.of(jane.id(), devAsStakeholder.id(), noEmail.id()));

        List<Recipient> recipients = as(dev, () -> audiences.recipients(crm, audience));

        assertThat(recipients).containsExactly(
                new Recipient(dev.name(), dev.email(), Recipient.Kind.MEMBER, dev.userId()),
                new Recipient("Jane Roe", "jane@acme.example", Recipient.Kind.STAKEHOLDER, jane.id()),
                new Recipient(pm.name(), pm.email(), Recipient.Kind.MEMBER, pm.userId()),
                new Recipient("Shop floor", null, Recipient.Kind.STAKEHOLDER, noEmail.id()),
                new Recipient("Vera Vendor", "vera@vendor.example", Recipient.Kind.STAKEHOLDER, erpVendor.id()))
                .as("sorted by name; the member wins over the stakeholder with the same address");
        assertThat(as(dev, () -> audiences.recipients(crm, audience))).as("stable").isEqualTo(recipients);
        assertThat(as(dev, () -> audiences.recipients(crm, Audience.none()))).isEmpty();
    }

    @Test
    void aScheduledJobExpandsAnAudienceAsTheSystem() {
        // Sending at the due time runs with nobody signed in: as the system, in the organisation.
        List<Recipient> recipients = scope.callAsSystem(pm.tenantId(), () -> audiences.recipients(crm, new Audience(Set.of(steering), Set.of())));
        assertThat(recipients).extracting(Recipient::name).containsExactly(dev.name(), "Jane Roe", pm.name(), "Vera Vendor");
    }

    @Test
    void anotherProjectsStakeholderComesOnlyThroughAList() {
        assertThat(as(pm, () -> audiences.recipients(crm, new Audience(Set.of(), Set.of(erpVendor.id()))))).isEmpty();
        assertThat(as(pm, () -> audiences.recipients(erp, new Audience(Set.of(), Set.of(erpVendor.id())))))
                .extracting(Recipient::name).containsExactly("Vera Vendor");
    }

    @Test
    void describeAndOptionsForScreens() {
        assertThat(as(viewer, () -> audiences.describe(new Audience(Set.of(steering), Set.of(jane.id())))))
                .isEqualTo("Steering committee (list, 4) · Jane Roe");
        assertThat(as(viewer, () -> audiences.describe(Audience.none()))).isEqualTo("Nobody chosen");
        List<AudienceOption> options = as(viewer, () -> audiences.options(crm));
        assertThat(options).extracting(AudienceOption::kind, AudienceOption::label).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AudienceOption.Kind.LIST, "Steering committee (list, 4)"),
                org.assertj.core.groups.Tuple.tuple(AudienceOption.Kind.STAKEHOLDER, "Dev as stakeholder · Acme · " + dev.email().toUpperCase()),
                org.assertj.core.groups.Tuple.tuple(AudienceOption.Kind.STAKEHOLDER, "Jane Roe · Acme · jane@acme.example"),
                org.assertj.core.groups.Tuple.tuple(AudienceOption.Kind.STAKEHOLDER, "Shop floor · Acme"));
    }

    @Test
    void listsAreKeptByProjectManagersAndReadByEveryone() {
        assertThat(as(viewer, () -> lists.list("", Sort.unsorted(), 0, 50))).singleElement()
                .satisfies(r -> assertThat(r).isEqualTo(new DistributionListRow(steering, "Steering committee", "Monthly steering", 4, r.version())));
        assertThat(as(viewer, () -> lists.details(steering)).entries()).extracting(e -> e.name())
                .containsExactly(dev.name(), pm.name(), "Jane Roe", "Vera Vendor");
        for (Member reader : List.of(dev, viewer)) {
            assertThat(as(reader, () -> lists.mayEdit())).isFalse();
            assertThatThrownBy(() -> as(reader, () -> lists.create("Mine", null))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(reader, () -> lists.add(steering, Kind.MEMBER, reader.userId()))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(reader, () -> lists.remove(steering, Kind.MEMBER, pm.userId()))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(reader, () -> lists.rename(steering, 0, "X", null))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(reader, () -> lists.delete(steering, 0))).isInstanceOf(AccessDeniedException.class);
        }

        assertThatThrownBy(() -> as(pm, () -> lists.create("steering COMMITTEE", null))).isInstanceOf(RuleViolationException.class)
                .hasMessage("There is already a list called “steering COMMITTEE”. Choose another name.");
        assertThatThrownBy(() -> as(pm, () -> lists.create(" ", null))).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> as(pm, () -> lists.add(steering, Kind.MEMBER, foreigner.userId()))).isInstanceOf(RuleViolationException.class)
                .hasMessage("Choose a member of this organisation.");

        long version = as(pm, () -> lists.details(steering)).version();
        as(pm, () -> lists.rename(steering, version, "Steering board", "Monthly"));
        assertThatThrownBy(() -> as(pmo, () -> lists.rename(steering, version, "Stale", null))).isInstanceOf(ConcurrentChangeException.class);
        as(pm, () -> lists.remove(steering, Kind.MEMBER, pm.userId()));
        assertThat(as(viewer, () -> lists.list("board", Sort.unsorted(), 0, 50))).singleElement()
                .satisfies(r -> assertThat(r.size()).isEqualTo(3));

        List<DistributionListCandidate> found = as(pm, () -> lists.candidates("vendor"));
        assertThat(found).extracting(DistributionListCandidate::label).containsExactly("Vera Vendor · vera@vendor.example · stakeholder, ERP-01, Acme");
        assertThat(as(pm, () -> lists.candidates(dev.email()))).extracting(DistributionListCandidate::kind)
                .containsExactly(Kind.MEMBER, Kind.STAKEHOLDER);

        long renamed = as(pm, () -> lists.details(steering)).version();
        as(pmo, () -> lists.delete(steering, renamed));
        assertThatThrownBy(() -> as(pm, () -> lists.details(steering))).isInstanceOf(RecordNotFoundException.class);
        assertThat(as(pm, () -> audiences.recipients(crm, new Audience(Set.of(steering), Set.of())))).as("a deleted list is ignored").isEmpty();
    }

    @Test
    void anotherOrganisationCanNeitherSeeNorUseNorChangeTheLists() {
        Long foreignProject = fixtures.project(foreigner, "GLX-1", "Globex project");
        Long theirs = as(foreigner, () -> lists.create("Their list", null));

        assertThat(as(foreigner, () -> lists.list("", Sort.unsorted(), 0, 50))).extracting(DistributionListRow::name).containsExactly("Their list");
        assertThat(as(foreigner, () -> lists.count(""))).isEqualTo(1);
        assertThatThrownBy(() -> as(foreigner, () -> lists.details(steering))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(foreigner, () -> lists.rename(steering, 0, "Mine", null))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(foreigner, () -> lists.delete(steering, 0))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(foreigner, () -> lists.add(steering, Kind.MEMBER, foreigner.userId()))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(foreigner, () -> lists.remove(steering, Kind.MEMBER, pm.userId()))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(foreigner, () -> lists.add(theirs, Kind.MEMBER, pm.userId()))).isInstanceOf(RuleViolationException.class);
        assertThat(as(foreigner, () -> lists.candidates(""))).extracting(DistributionListCandidate::name).containsExactly(foreigner.name());

        // Ids of this organisation in the foreigner's own audience: ignored, not leaked.
        Audience stolen = new Audience(Set.of(steering), Set.of(jane.id(), erpVendor.id()));
        assertThat(as(foreigner, () -> audiences.recipients(foreignProject, stolen))).isEmpty();
        assertThat(as(foreigner, () -> audiences.describe(stolen))).isEqualTo("Nobody chosen");
        assertThat(as(foreigner, () -> audiences.options(foreignProject))).extracting(AudienceOption::label).containsExactly("Their list (list, 0)");
        assertThatThrownBy(() -> as(foreigner, () -> audiences.recipients(crm, stolen))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(foreigner, () -> audiences.options(crm))).isInstanceOf(RecordNotFoundException.class);
        // And this organisation's audience ignores the foreigner's list.
        assertThat(as(pm, () -> audiences.recipients(crm, new Audience(Set.of(theirs), Set.of())))).isEmpty();

        assertThat(as(pm, () -> lists.details(steering)).entries()).hasSize(4);
    }
}
