package app.cadence.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.admin.service.MemberAdministration;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.MemberSummary;
import app.cadence.tenancy.service.MembershipDirectory;
import app.cadence.tenancy.service.TenantProvisioning;
import app.cadence.tenancy.service.TenantScope;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Pickers fetch members as the person types: name or address, any case, wildcards taken
 * literally, a page at a time, this organisation's active members only.
 */
@IntegrationTest
class MembershipDirectoryTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantProvisioning provisioning;
    @Autowired MembershipDirectory directory;
    @Autowired MemberAdministration administration;
    @Autowired TenantScope scope;

    Tenant tenant;
    Member admin;
    Long alice;
    Long bob;
    Long percent;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant("Directory");
        admin = fixtures.member(tenant, Role.ADMIN);
        alice = person("Alice Archer", "aa", Role.PM);
        bob = person("Bob Builder", "alice.fan", Role.CONTRIBUTOR);
        percent = person("Percy 100% Sure", "percy", Role.VIEWER);
        Tenant other = fixtures.tenant("Elsewhere");
        Long outsider = provisioning.createUser(Fixtures.unique("alice") + "@elsewhere.example", "Alice Outsider", "cadence-demo");
        provisioning.addMember(other.id(), outsider, Role.PM);
    }

    private Long person(String name, String mailbox, Role role) {
        Long id = provisioning.createUser(Fixtures.unique(mailbox) + "@" + tenant.slug() + ".example", name, "cadence-demo");
        provisioning.addMember(tenant.id(), id, role);
        return id;
    }

    private <T> T asAdmin(Supplier<T> read) {
        return scope.call(admin.userId(), tenant.id(), read::get);
    }

    private List<Long> matching(String typed, int offset, int limit) {
        return asAdmin(() -> directory.activeMembersMatching(typed, offset, limit)).stream().map(MemberSummary::userId).toList();
    }

    @Test
    void nameOrAddressInAnyCaseOfThisOrganisationOnly() {
        assertThat(matching("ALICE", 0, 50)).containsExactly(alice, bob); // Bob's address has "alice" in it; by name
        assertThat(asAdmin(() -> directory.countActiveMembersMatching("alice"))).isEqualTo(2);
        assertThat(matching("archer", 0, 50)).containsExactly(alice);
        assertThat(matching("outsider", 0, 50)).as("another organisation's member").isEmpty();
    }

    @Test
    void wildcardsAreTakenLiterally() {
        assertThat(matching("100%", 0, 50)).containsExactly(percent);
        assertThat(matching("%", 0, 50)).containsExactly(percent);
        assertThat(matching("_", 0, 50)).isEmpty();
    }

    @Test
    void aPageAtATimeInNameOrder() {
        assertThat(asAdmin(() -> directory.countActiveMembersMatching(""))).isEqualTo(4);
        List<Long> all = matching("", 0, 50);
        assertThat(matching("", 0, 2)).isEqualTo(all.subList(0, 2));
        assertThat(matching("", 2, 2)).isEqualTo(all.subList(2, 4));
        assertThat(all).as("by name: the administrator, Alice, Bob, Percy").containsExactly(admin.userId(), alice, bob, percent);
    }

    @Test
    void aDeactivatedMemberIsNotOffered() {
        scope.run(admin.userId(), tenant.id(), () -> administration.deactivate(bob));

        assertThat(matching("alice", 0, 50)).containsExactly(alice);
        assertThat(asAdmin(() -> directory.activeMembers(List.of(alice, bob)))).extracting(MemberSummary::userId).containsExactly(alice);
    }

    /** The checklist's assignee pickers: the same search among those who may be given work — no viewer, no other organisation. */
    @Test
    void onlyThoseWhoMayBeGivenWorkAreOfferedAsAssignees() {
        List<Long> assignable = asAdmin(() -> directory.assignableMembersMatching("", 0, 50)).stream().map(MemberSummary::userId).toList();
        assertThat(assignable).containsExactly(admin.userId(), alice, bob);
        assertThat(asAdmin(() -> directory.countAssignableMembersMatching(""))).isEqualTo(3);
        assertThat(asAdmin(() -> directory.assignableMembersMatching("percy", 0, 50))).as("a viewer").isEmpty();
        assertThat(asAdmin(() -> directory.assignableMembersMatching("outsider", 0, 50))).as("another organisation's member").isEmpty();
        assertThat(asAdmin(() -> directory.assignableMembersMatching("alice", 1, 1))).extracting(MemberSummary::userId).containsExactly(bob);
    }
}
