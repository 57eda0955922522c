package app.cadence.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.admin.service.MemberAdministration;
import app.cadence.live.PushedRefreshes;
import app.cadence.security.service.AccountService;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.FormSignIn;
import app.cadence.support.IntegrationTest;
import app.cadence.support.SessionWork;
import app.cadence.support.TestClock;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.tenancy.service.TenantSelection;
import com.vaadin.flow.server.WrappedHttpSession;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.WebApplicationContext;

/**
 * A screen is refreshed inside its push only for a session whose sign-in still stands and whose
 * membership is unchanged; every other case goes through a request and its filters. Sessions here
 * come from the real login form, so they carry what a browser's session carries.
 */
@IntegrationTest
class UnchangedMemberRefreshesTest {

    @Autowired WebApplicationContext context;
    @Autowired PushedRefreshes refreshes;
    @Autowired Fixtures fixtures;
    @Autowired TestClock clock;
    @Autowired TenantScope scope;
    @Autowired MemberAdministration administration;
    @Autowired AccountService account;

    FormSignIn forms;
    Member admin;
    Member pm;

    @BeforeEach
    void setUp() {
        forms = new FormSignIn(context);
        var tenant = fixtures.tenant("Pushed refreshes");
        admin = fixtures.member(tenant, Role.ADMIN);
        pm = fixtures.member(tenant, Role.PM);
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anUnchangedSessionIsRefreshedAsItsMemberAndTheThreadKeepsNothing() throws Exception {
        MockHttpSession session = signIn(pm.email());
        AtomicReference<TenantSelection> seen = new AtomicReference<>();

        boolean ran = refreshes.runAsUnchangedMember(new WrappedHttpSession(session), System.nanoTime(), () -> seen.set(TenantContext.currentSelection().orElseThrow()));

        assertThat(ran).isTrue();
        assertThat(seen.get().tenantId()).isEqualTo(pm.tenantId());
        assertThat(seen.get().role()).isEqualTo(Role.PM);
        assertThat(TenantContext.currentSelection()).as("the push thread after the refresh").isEmpty();
    }

    @Test
    void screensRefreshedByOneChangeShareOneCheckMadeAfterTheChangeWasAnnounced() throws Exception {
        MockHttpSession laptop = signIn(pm.email());
        MockHttpSession phone = signIn(pm.email());
        long announced = System.nanoTime();
        assertThat(runs(laptop, announced)).isTrue();
        scope.run(admin.userId(), admin.tenantId(), () -> administration.changeRole(pm.userId(), Role.VIEWER));

        // Asked for before the demotion: the laptop's check, made after that, answers for the phone too.
        assertThat(runs(phone, announced)).isTrue();
        // Asked for after it: read again, and refused.
        assertThat(runs(phone, System.nanoTime())).isFalse();
    }

    @Test
    void aDemotedOrDeactivatedMemberIsLeftToARequest() throws Exception {
        MockHttpSession demoted = signIn(pm.email());
        scope.run(admin.userId(), admin.tenantId(), () -> administration.changeRole(pm.userId(), Role.VIEWER));
        assertThat(runs(demoted)).as("the session still says PM, the database VIEWER").isFalse();

        var second = fixtures.tenant("Pushed refreshes");
        Member otherAdmin = fixtures.member(second, Role.ADMIN);
        Member other = fixtures.member(second, Role.CONTRIBUTOR);
        MockHttpSession deactivated = signIn(other.email());
        assertThat(runs(deactivated)).isTrue();
        scope.run(otherAdmin.userId(), other.tenantId(), () -> administration.deactivate(other.userId()));
        assertThat(runs(deactivated)).isFalse();
    }

    @Test
    void aSessionSignedOutEverywhereOrPastItsLifetimeIsLeftToARequest() throws Exception {
        MockHttpSession everywhere = signIn(pm.email());
        MockHttpSession tooOld = signIn(admin.email());
        SessionWork.within(signIn(pm.email()), "10.88.2.1", () -> account.signOutEverywhere());
        assertThat(runs(everywhere)).isFalse();

        assertThat(runs(tooOld)).isTrue();
        clock.advance(Duration.ofHours(12).plusMinutes(1));
        assertThat(runs(tooOld)).isFalse();
    }

    @Test
    void anEndedOrAnonymousSessionIsLeftToARequest() throws Exception {
        MockHttpSession ended = signIn(pm.email());
        ended.invalidate();
        assertThat(runs(ended)).isFalse();
        assertThat(runs(new MockHttpSession())).isFalse();
    }

    private boolean runs(MockHttpSession session) {
        return runs(session, System.nanoTime());
    }

    private boolean runs(MockHttpSession session, long askedAtNanos) {
        AtomicInteger ran = new AtomicInteger();
        boolean answer = refreshes.runAsUnchangedMember(new WrappedHttpSession(session), askedAtNanos, ran::incrementAndGet);
        assertThat(ran.get()).as("ran exactly when it says so").isEqualTo(answer ? 1 : 0);
        return answer;
    }

    private MockHttpSession signIn(String email) throws Exception {
        return forms.signIn(email);
    }
}
