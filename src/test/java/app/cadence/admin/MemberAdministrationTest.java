package app.cadence.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.admin.domain.InvitationStatus;
import app.cadence.admin.service.InvitationAcceptance;
import app.cadence.admin.service.MemberAdministration;
import app.cadence.admin.service.MemberViews.InvitationRow;
import app.cadence.admin.service.MemberViews.MemberRow;
import app.cadence.audit.domain.SecurityEventType;
import app.cadence.audit.service.SecurityLog;
import app.cadence.mail.service.Outbox;
import app.cadence.mail.service.OutboxEntry;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.Fixtures;
import app.cadence.support.IntegrationTest;
import app.cadence.support.Mailbox;
import app.cadence.support.TestClock;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantChoice;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.tenancy.service.TenantSelectionService;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/** Invitations, their acceptance by new and existing accounts, roles, deactivation and the last-ADMIN rule. */
@IntegrationTest
class MemberAdministrationTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired MemberAdministration administration;
    @Autowired Outbox outbox;
    @Autowired InvitationAcceptance acceptance;
    @Autowired TenantSelectionService selection;
    @Autowired SecurityLog securityLog;
    @Autowired JdbcTemplate jdbc;
    @Autowired Mailbox mailbox;
    @Autowired TestClock clock;

    Tenant initech;
    Member admin;

    @BeforeEach
    void setUp() {
        initech = fixtures.tenant("Initech");
        admin = fixtures.member(initech, Role.ADMIN);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    <T> T as(Member member, Supplier<T> action) {
        return scope.call(member.userId(), member.tenantId(), action::get);
    }

    void asAdmin(Runnable action) {
        as(admin, () -> {
            action.run();
            return null;
        });
    }

    /** The token of the last link emailed to the address, as the invitee would click it. */
    String tokenSentTo(String email) {
        Mailbox.Mail mail = mailbox.last(email);
        assertThat(mail.emailedLink()).contains("/invitation/");
        return mail.token();
    }

    /** The code that only the invitation email carries. */
    String codeSentTo(String email) {
        return mailbox.last(email).code();
    }

    List<MemberRow> members() {
        return as(admin, () -> administration.members());
    }

    @Test
    void aNewPersonAcceptsWithANewAccountAndTheLinkWorksOnce() {
        String email = Fixtures.unique("pm") + "@initech.example";
        InvitationRow sent = as(admin, () -> administration.invite(email, Role.PM));
        assertThat(sent.status()).isEqualTo(InvitationStatus.PENDING);
        String token = tokenSentTo(email);
        String code = codeSentTo(email);

        var details = acceptance.look(token).orElseThrow();
        assertThat(details.tenantName()).isEqualTo(initech.name());
        assertThat(details.role()).isEqualTo(Role.PM);
        assertThat(details.accountExists()).isFalse();

        assertThatThrownBy(() -> acceptance.acceptAsNewUser(token, code, "Peter Gibbons", "short"))
                .isInstanceOf(RuleViolationException.class).hasFieldOrPropertyWithValue("field", "password");
        // Typed by hand, in lower case and without dashes, the code still counts.
        Long tenantId = acceptance.acceptAsNewUser(token, code.replace("-", " ").toLowerCase(java.util.Locale.ROOT), "Peter Gibbons",
                "a long enough pass phrase");
        assertThat(tenantId).isEqualTo(initech.id());
        assertThat(members()).anySatisfy(m -> {
            assertThat(m.email()).isEqualTo(email);
            assertThat(m.role()).isEqualTo(Role.PM);
            assertThat(m.active()).isTrue();
        });
        assertThat(as(admin, () -> administration.invitations())).filteredOn(i -> i.email().equals(email))
                .extracting(InvitationRow::status).containsExactly(InvitationStatus.ACCEPTED);

        assertThatThrownBy(() -> acceptance.acceptAsNewUser(token, code, "Someone else", "another long pass phrase"))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("already been used");
        assertThat(acceptance.look("not-a-token")).isEmpty();
    }

    /**
     * Audit finding 7: the ADMIN sees the invitation's link in the outbox (to pass it on when no
     * mail server is configured), so that link alone must not create an account for an address
     * nobody verified; only the code in the email does.
     */
    @Test
    void theLinkTheAdminSeesCannotCreateAnAccountWithoutTheCodeFromTheEmail() {
        String email = Fixtures.unique("victim") + "@elsewhere.example";
        as(admin, () -> administration.invite(email, Role.ADMIN));
        OutboxEntry shown = as(admin, () -> outbox.list(0, 50)).stream()
                .filter(e -> e.recipient().equals(email)).findFirst().orElseThrow();
        String adminLink = shown.link();
        assertThat(adminLink).as("the ADMIN may still pass the link on").isNotNull().doesNotContain("code");
        String token = adminLink.substring(adminLink.lastIndexOf('/') + 1);
        assertThat(token).isEqualTo(tokenSentTo(email));

        for (String guess : new String[] {"", "0000-0000-0000-0000", token}) {
            assertThatThrownBy(() -> acceptance.acceptAsNewUser(token, guess, "Mallory", "a long enough pass phrase"))
                    .isInstanceOf(RuleViolationException.class).hasFieldOrPropertyWithValue("field", "code");
        }
        assertThat(jdbc.queryForObject("select count(*) from user_account where email = ?", Integer.class, email)).isZero();
        assertThat(acceptance.look(token).orElseThrow().status()).as("a wrong code does not use the invitation up")
                .isEqualTo(InvitationStatus.PENDING);

        // The recipient, with the code from the email, creates the account.
        assertThat(acceptance.acceptAsNewUser(token, codeSentTo(email), "Real Person", "a long enough pass phrase")).isEqualTo(initech.id());
    }

    @Test
    void anExpiredInvitationIsRefused() {
        String email = Fixtures.unique("late") + "@initech.example";
        as(admin, () -> administration.invite(email, Role.VIEWER));
        String token = tokenSentTo(email);
        String code = codeSentTo(email);
        clock.advance(Duration.ofDays(8));
        try {
            assertThat(acceptance.look(token).orElseThrow().status()).isEqualTo(InvitationStatus.EXPIRED);
            assertThatThrownBy(() -> acceptance.acceptAsNewUser(token, code, "Late Comer", "a long enough pass phrase"))
                    .isInstanceOf(RuleViolationException.class).hasMessageContaining("expired");
        } finally {
            clock.advance(Duration.ofDays(-8));
        }
    }

    @Test
    void aConsultantFromAnotherTenantJoinsWithTheirAccountAndThenHasBothOrganisations() {
        Tenant globex = fixtures.tenant("Globex");
        Member consultant = fixtures.member(globex, Role.PM);
        as(admin, () -> administration.invite(consultant.email(), Role.PMO));
        String token = tokenSentTo(consultant.email());
        assertThat(acceptance.look(token).orElseThrow().accountExists()).isTrue();
        assertThatThrownBy(() -> acceptance.acceptAsNewUser(token, codeSentTo(consultant.email()), "Impostor", "a long enough pass phrase"))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("sign in");

        // Signed in as someone else: refused, and the invitation stays usable.
        Member stranger = fixtures.member(globex, Role.VIEWER);
        SecurityContextHolder.getContext().setAuthentication(stranger.authenticationWithoutTenant());
        assertThatThrownBy(() -> acceptance.acceptAsSignedIn(token)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("is for " + consultant.email());

        SecurityContextHolder.getContext().setAuthentication(consultant.authenticationWithoutTenant());
        assertThat(acceptance.acceptAsSignedIn(token)).isEqualTo(initech.id());
        assertThat(selection.choices()).extracting(TenantChoice::tenantId).contains(initech.id(), globex.id());
        assertThat(selection.select(initech.id()).role()).isEqualTo(Role.PMO);
    }

    @Test
    void invitingAMemberAgainIsRefusedAndANewInvitationReplacesTheOpenOne() {
        Member pm = fixtures.member(initech, Role.PM);
        assertThatThrownBy(() -> as(admin, () -> administration.invite(pm.email(), Role.PM)))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("already a member");
        assertThatThrownBy(() -> as(admin, () -> administration.invite("not an address", Role.PM)))
                .isInstanceOf(RuleViolationException.class).hasFieldOrPropertyWithValue("field", "email");

        String email = Fixtures.unique("twice") + "@initech.example";
        as(admin, () -> administration.invite(email, Role.VIEWER));
        String first = tokenSentTo(email);
        as(admin, () -> administration.invite(email, Role.CONTRIBUTOR));
        assertThat(acceptance.look(first).orElseThrow().status()).isEqualTo(InvitationStatus.REVOKED);
        assertThat(acceptance.look(tokenSentTo(email)).orElseThrow().role()).isEqualTo(Role.CONTRIBUTOR);
    }

    @Test
    void theLastAdminCanBeNeitherDemotedNorDeactivated() {
        assertThatThrownBy(() -> asAdmin(() -> administration.changeRole(admin.userId(), Role.PMO)))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("at least one active ADMIN");
        assertThatThrownBy(() -> asAdmin(() -> administration.deactivate(admin.userId())))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("at least one active ADMIN");

        Member second = fixtures.member(initech, Role.PM);
        asAdmin(() -> administration.changeRole(second.userId(), Role.ADMIN));
        asAdmin(() -> administration.changeRole(admin.userId(), Role.PMO));
        // Now the second one is the last ADMIN; the first one, a PMO, no longer administers.
        Member newAdmin = new Member(second.userId(), second.email(), second.name(), initech.id(), initech.name(), Role.ADMIN);
        assertThat(as(newAdmin, () -> administration.members())).filteredOn(m -> m.userId().equals(admin.userId()))
                .extracting(MemberRow::role).containsExactly(Role.PMO);
        assertThatThrownBy(() -> members()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(newAdmin, () -> {
            administration.deactivate(second.userId());
            return null;
        })).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void aDeactivatedMemberCannotEnterUntilReactivatedAndTheHistoryIsLogged() {
        Member pm = fixtures.member(initech, Role.PM);
        asAdmin(() -> administration.deactivate(pm.userId()));
        assertThat(members()).filteredOn(m -> m.userId().equals(pm.userId())).singleElement()
                .satisfies(m -> assertThat(m.active()).isFalse());

        SecurityContextHolder.getContext().setAuthentication(pm.authenticationWithoutTenant());
        assertThat(selection.choices()).extracting(TenantChoice::tenantId).doesNotContain(initech.id());
        assertThatThrownBy(() -> selection.select(initech.id())).isInstanceOf(RecordNotFoundException.class);
        SecurityContextHolder.clearContext();

        asAdmin(() -> administration.reactivate(pm.userId()));
        SecurityContextHolder.getContext().setAuthentication(pm.authenticationWithoutTenant());
        assertThat(selection.select(initech.id()).role()).isEqualTo(Role.PM);
        SecurityContextHolder.clearContext();

        assertThat(as(admin, () -> securityLog.tenantLog(0, 50))).extracting(SecurityLog.Entry::type)
                .contains(SecurityEventType.MEMBER_DEACTIVATED, SecurityEventType.MEMBER_REACTIVATED);
    }

    @Test
    void onlyAnAdminAdministersAndOnlyTheirOwnOrganisation() {
        Member pmo = fixtures.member(initech, Role.PMO);
        assertThatThrownBy(() -> as(pmo, () -> administration.members())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(pmo, () -> administration.invite("x@initech.example", Role.PM))).isInstanceOf(AccessDeniedException.class);

        String email = Fixtures.unique("target") + "@initech.example";
        InvitationRow invitation = as(admin, () -> administration.invite(email, Role.PM));
        Member pm = fixtures.member(initech, Role.PM);

        Tenant other = fixtures.tenant("Other");
        Member otherAdmin = fixtures.member(other, Role.ADMIN);
        assertThat(as(otherAdmin, () -> administration.members())).extracting(MemberRow::userId).doesNotContain(pm.userId(), admin.userId());
        assertThat(as(otherAdmin, () -> administration.invitations())).extracting(InvitationRow::email).doesNotContain(email);
        assertThatThrownBy(() -> as(otherAdmin, () -> {
            administration.revoke(invitation.id());
            return null;
        })).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(otherAdmin, () -> {
            administration.deactivate(pm.userId());
            return null;
        })).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(otherAdmin, () -> {
            administration.changeRole(pm.userId(), Role.ADMIN);
            return null;
        })).isInstanceOf(RecordNotFoundException.class);
        assertThat(members()).filteredOn(m -> m.userId().equals(pm.userId())).extracting(MemberRow::role, MemberRow::active)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Role.PM, true));
        assertThat(as(admin, () -> administration.invitations())).filteredOn(i -> i.email().equals(email))
                .extracting(InvitationRow::status).containsExactly(InvitationStatus.PENDING);
    }

    @Test
    void aMemberAlreadyInsideLosesTheOldRoleOnTheirNextRequest() {
        Member pm = fixtures.member(initech, Role.PM);
        asAdmin(() -> administration.changeRole(pm.userId(), Role.VIEWER));
        SecurityContextHolder.getContext().setAuthentication(pm.authentication()); // the session still says PM
        selection.refreshCurrent();
        var refreshed = (app.cadence.tenancy.service.CadenceAuthentication) SecurityContextHolder.getContext().getAuthentication();
        assertThat(refreshed.selection().role()).isEqualTo(Role.VIEWER);
        assertThat(refreshed.getAuthorities()).extracting(Object::toString).containsExactlyElementsOf(Role.VIEWER.authorities());

        SecurityContextHolder.clearContext();
        asAdmin(() -> administration.deactivate(pm.userId()));
        SecurityContextHolder.getContext().setAuthentication(refreshed);
        selection.refreshCurrent();
        var dropped = (app.cadence.tenancy.service.CadenceAuthentication) SecurityContextHolder.getContext().getAuthentication();
        assertThat(dropped.selection()).isNull();
        assertThat(dropped.getAuthorities()).isEmpty();
    }
}
