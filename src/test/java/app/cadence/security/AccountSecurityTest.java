package app.cadence.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.cadence.audit.domain.SecurityEvent;
import app.cadence.audit.domain.SecurityEventRepository;
import app.cadence.audit.domain.SecurityEventType;
import app.cadence.mail.domain.EmailKind;
import app.cadence.mail.domain.OutboxMessage;
import app.cadence.security.service.AccountService;
import app.cadence.security.service.PasswordReset;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.IntegrationTest;
import app.cadence.support.Mailbox;
import app.cadence.support.SessionWork;
import app.cadence.support.TestClock;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantSelectionService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.Filter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Password change, "sign out everywhere", the emailed reset and the sign-in events, through the
 * real security filters: sessions signed in with MockMvc are checked by the filter chain on
 * their next request, as they would be on any node.
 */
@IntegrationTest
class AccountSecurityTest {

    private static final String NEW_PASSWORD = "violet kettle orbit 7";
    private static final AtomicInteger ADDRESS = new AtomicInteger();

    @Autowired WebApplicationContext context;
    @Autowired Fixtures fixtures;
    @Autowired TestClock clock;
    @Autowired @Qualifier("springSecurityFilterChain") Filter securityFilters;
    @Autowired AccountService account;
    @Autowired PasswordReset reset;
    @Autowired Mailbox mailbox;
    @Autowired TenantSelectionService tenantSelection;
    @PersistenceContext EntityManager entityManager;
    @Autowired SecurityEventRepository securityEvents;
    @Autowired app.cadence.tenancy.service.TenantScope scope;
    @Autowired app.cadence.audit.service.SecurityLog securityLog;
    @Value("${cadence.base-url}") String baseUrl;

    MockMvc mvc;
    Member pm;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        pm = fixtures.member(fixtures.tenant("Accounts"), Role.PM);
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
    }

    // --- changing the password ------------------------------------------------------------------

    @Test
    void aWrongCurrentPasswordIsRefusedAndNothingChanges() throws Exception {
        MockHttpSession laptop = signIn(pm.email(), Fixtures.PASSWORD);
        MockHttpSession phone = signIn(pm.email(), Fixtures.PASSWORD);

        assertThatThrownBy(() -> within(laptop, () -> account.changePassword("not my password", NEW_PASSWORD, NEW_PASSWORD)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("currentPassword"));

        assertThat(isSignedIn(laptop)).isTrue();
        assertThat(isSignedIn(phone)).isTrue();
        assertThat(signInOutcome(pm.email(), NEW_PASSWORD)).contains("error");
    }

    @Test
    void theNewPasswordMustMeetThePolicyAndBeTypedTwice() throws Exception {
        MockHttpSession laptop = signIn(pm.email(), Fixtures.PASSWORD);

        assertThatThrownBy(() -> within(laptop, () -> account.changePassword(Fixtures.PASSWORD, "short one", "short one")))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("password"));
        assertThatThrownBy(() -> within(laptop, () -> account.changePassword(Fixtures.PASSWORD, "qwertyuiop123", "qwertyuiop123")))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.getMessage()).contains("commonly used"));
        assertThatThrownBy(() -> within(laptop, () -> account.changePassword(Fixtures.PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!")))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("confirmation"));

        assertThat(signInOutcome(pm.email(), Fixtures.PASSWORD)).doesNotContain("error");
    }

    @Test
    void aNewPasswordEndsEveryOtherSessionAndKeepsThisOne() throws Exception {
        MockHttpSession laptop = signIn(pm.email(), Fixtures.PASSWORD);
        MockHttpSession phone = signIn(pm.email(), Fixtures.PASSWORD);
        Member colleague = fixtures.member(fixtures.tenant("Bystanders"), Role.PM);
        MockHttpSession someoneElse = signIn(colleague.email(), Fixtures.PASSWORD);

        within(laptop, () -> account.changePassword(Fixtures.PASSWORD, NEW_PASSWORD, NEW_PASSWORD));

        assertThat(isSignedIn(laptop)).as("the session that changed the password").isTrue();
        assertThat(isSignedIn(phone)).as("another session of the same person").isFalse();
        assertThat(phone.isInvalid()).isTrue();
        assertThat(isSignedIn(someoneElse)).as("another person's session").isTrue();
        // The laptop stays signed in on later requests too, not only on the first.
        assertThat(isSignedIn(laptop)).isTrue();

        assertThat(signInOutcome(pm.email(), Fixtures.PASSWORD)).contains("error");
        assertThat(signInOutcome(pm.email(), NEW_PASSWORD)).doesNotContain("error");
        assertThat(events(pm.email(), SecurityEventType.PASSWORD_CHANGED)).singleElement()
                .satisfies(e -> assertThat(e.getTenantId()).isEqualTo(pm.tenantId()));
    }

    @Test
    void signingOutEverywhereEndsEverySession() throws Exception {
        MockHttpSession laptop = signIn(pm.email(), Fixtures.PASSWORD);
        MockHttpSession phone = signIn(pm.email(), Fixtures.PASSWORD);

        within(laptop, () -> account.signOutEverywhere());

        assertThat(isSignedIn(phone)).isFalse();
        assertThat(isSignedIn(laptop)).isFalse();
        // Signing in again works, and starts a session that lives.
        MockHttpSession again = signIn(pm.email(), Fixtures.PASSWORD);
        assertThat(isSignedIn(again)).isTrue();
        assertThat(events(pm.email(), SecurityEventType.SIGNED_OUT_EVERYWHERE)).singleElement()
                .satisfies(e -> assertThat(e.getTenantId()).isEqualTo(pm.tenantId()));
    }

    // --- forgotten password -------------------------------------------------------------------

    @Test
    void anUnknownAddressGetsNoEmailAndAKnownOneExactlyOneWithALink() {
        String stranger = "nobody-" + System.nanoTime() + "@example.com";
        long resetMailsBefore = resetMails().size();

        reset.requestLink(stranger);

        assertThat(resetMails()).hasSize((int) resetMailsBefore);
        assertThat(mailsTo(stranger)).isEmpty();

        reset.requestLink("  " + pm.email().toUpperCase() + " ");

        List<Mailbox.Mail> mails = mailsTo(pm.email());
        assertThat(mails).singleElement().satisfies(mail -> {
            assertThat(mail.kind()).isEqualTo(EmailKind.PASSWORD_RESET);
            assertThat(mail.tenantId()).isNull();
            assertThat(mail.link()).startsWith(baseUrl + "/reset-password/");
            assertThat(mail.body()).contains(mail.link(), "60 minutes");
        });
        assertThat(events(pm.email(), SecurityEventType.PASSWORD_RESET_REQUESTED)).hasSize(1);
    }

    @Test
    void aResetLinkWorksOnceEndsEverySessionAndStoresOnlyItsHash() throws Exception {
        MockHttpSession laptop = signIn(pm.email(), Fixtures.PASSWORD);
        reset.requestLink(pm.email());
        String token = tokenOf(mailsTo(pm.email()).getFirst());
        assertThat(reset.isUsable(token)).isTrue();

        assertThatThrownBy(() -> reset.resetPassword(token, "password1234", "password1234"))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("password"));
        assertThat(reset.isUsable(token)).as("a refused password does not use up the link").isTrue();

        reset.resetPassword(token, NEW_PASSWORD, NEW_PASSWORD);

        assertThat(reset.isUsable(token)).isFalse();
        assertThatThrownBy(() -> reset.resetPassword(token, "another long passphrase", "another long passphrase"))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.field()).isNull();
                    assertThat(e.getMessage()).isEqualTo(PasswordReset.LINK_NOT_USABLE);
                });
        assertThat(isSignedIn(laptop)).isFalse();
        assertThat(signInOutcome(pm.email(), NEW_PASSWORD)).doesNotContain("error");
        assertThat(events(pm.email(), SecurityEventType.PASSWORD_RESET)).singleElement()
                .satisfies(e -> assertThat(e.getTenantId()).isEqualTo(pm.tenantId()));
    }

    @Test
    void usingOneLinkRetiresThePersonsOtherLinks() {
        reset.requestLink(pm.email());
        reset.requestLink(pm.email());
        List<Mailbox.Mail> mails = mailsTo(pm.email());
        assertThat(mails).hasSize(2);
        String first = tokenOf(mails.get(0));
        String second = tokenOf(mails.get(1));

        reset.resetPassword(second, NEW_PASSWORD, NEW_PASSWORD);

        assertThat(reset.isUsable(first)).isFalse();
    }

    @Test
    void aLinkExpiresAfterAnHour() {
        reset.requestLink(pm.email());
        String token = tokenOf(mailsTo(pm.email()).getFirst());

        clock.advance(Duration.ofMinutes(59));
        assertThat(reset.isUsable(token)).isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(reset.isUsable(token)).isFalse();
        assertThatThrownBy(() -> reset.resetPassword(token, NEW_PASSWORD, NEW_PASSWORD))
                .hasMessage(PasswordReset.LINK_NOT_USABLE);
    }

    @Test
    void unknownAndMangledTokensAreRefusedWithTheSameMessage() {
        for (String token : new String[] {"no-such-token", "", "x".repeat(500)}) {
            assertThat(reset.isUsable(token)).isFalse();
            assertThatThrownBy(() -> reset.resetPassword(token, NEW_PASSWORD, NEW_PASSWORD)).hasMessage(PasswordReset.LINK_NOT_USABLE);
        }
    }

    @Test
    void atMostThreeWorkingLinksPerAccountSoTheFormCannotFloodAMailbox() {
        for (int i = 0; i < 5; i++) {
            reset.requestLink(pm.email());
        }
        assertThat(mailsTo(pm.email())).hasSize(3);

        // Once the links have expired, a new one may be sent.
        clock.advance(Duration.ofMinutes(61));
        reset.requestLink(pm.email());
        assertThat(mailsTo(pm.email())).hasSize(4);
    }

    // --- sign-in events -------------------------------------------------------------------------

    @Test
    void signInsFailuresAndThrottlingAreLoggedWithoutThePassword() throws Exception {
        signIn(pm.email(), Fixtures.PASSWORD);
        assertThat(events(pm.email(), SecurityEventType.SIGNED_IN)).singleElement().satisfies(e -> {
            assertThat(e.getTenantId()).isEqualTo(pm.tenantId());
            assertThat(e.getRemoteAddress()).startsWith("10.77.");
        });

        String secretGuess = "guess-" + System.nanoTime();
        for (int i = 0; i < 4; i++) {
            assertThat(signInOutcome(pm.email(), secretGuess)).contains("error");
        }
        assertThat(signInOutcome(pm.email(), secretGuess)).contains("throttled");

        List<SecurityEvent> failures = events(pm.email(), SecurityEventType.SIGN_IN_FAILED);
        assertThat(failures).hasSize(4).allSatisfy(e -> assertThat(e.getTenantId()).isNull());
        assertThat(events(pm.email(), SecurityEventType.SIGN_IN_THROTTLED)).hasSize(1);
        assertThat(securityEvents.findAll()).noneSatisfy(e -> assertThat(String.valueOf(e.getDetail()) + e.getActor()
                + e.getSubject()).contains(secretGuess));

        String stranger = "nobody-" + System.nanoTime() + "@example.com";
        signInOutcome(stranger, "whatever");
        assertThat(events(stranger, SecurityEventType.SIGN_IN_FAILED)).hasSize(1);

        // The organisation's ADMIN sees the failed and throttled sign-ins of its member; another
        // organisation's ADMIN does not, and nobody's log shows the unknown address.
        Member admin = fixtures.member(new Fixtures.Tenant(pm.tenantId(), pm.tenantName(), ""), Role.ADMIN);
        List<app.cadence.audit.service.SecurityLog.Entry> log = scope.call(admin.userId(), admin.tenantId(), () -> securityLog.tenantLog(0, 50));
        assertThat(log).filteredOn(e -> e.actor().equals(pm.email())).extracting(app.cadence.audit.service.SecurityLog.Entry::type)
                .contains(SecurityEventType.SIGN_IN_FAILED, SecurityEventType.SIGN_IN_THROTTLED);
        assertThat(log).noneMatch(e -> e.actor().equals(stranger));
        assertThat(scope.call(admin.userId(), admin.tenantId(), () -> securityLog.countTenantLog())).isEqualTo(log.size());
        Member foreignAdmin = fixtures.member(fixtures.tenant("Elsewhere"), Role.ADMIN);
        assertThat(scope.call(foreignAdmin.userId(), foreignAdmin.tenantId(), () -> securityLog.tenantLog(0, 50)))
                .noneMatch(e -> e.actor().equals(pm.email()));
    }

    @Test
    void aConsultantsSignInIsLoggedInTheOrganisationChosenNext() throws Exception {
        Member consultant = fixtures.join(pm, fixtures.tenant("Second client"), Role.PMO);
        MockHttpSession session = signIn(consultant.email(), Fixtures.PASSWORD);
        assertThat(events(consultant.email(), SecurityEventType.SIGNED_IN)).singleElement()
                .satisfies(e -> assertThat(e.getTenantId()).isNull());

        within(session, () -> tenantSelection.select(consultant.tenantId()));
        within(session, () -> tenantSelection.select(pm.tenantId()));

        assertThat(events(consultant.email(), SecurityEventType.SIGNED_IN)).extracting(SecurityEvent::getTenantId)
                .as("one at sign-in, one on entering the first organisation; a later switch is no sign-in")
                .containsExactlyInAnyOrder(null, consultant.tenantId());
    }

    // --- helpers ----------------------------------------------------------------------------

    private MockHttpSession signIn(String email, String password) throws Exception {
        MvcResult result = mvc.perform(post("/login").with(csrf()).with(remote(nextAddress()))
                .param("username", email).param("password", password)).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error", "throttled");
        return (MockHttpSession) result.getRequest().getSession();
    }

    private String signInOutcome(String email, String password) throws Exception {
        return mvc.perform(post("/login").with(csrf()).with(remote(nextAddress()))
                .param("username", email).param("password", password)).andReturn().getResponse().getRedirectedUrl();
    }

    /** The session's next request to a page that needs sign-in: let through, or sent to sign in. */
    private boolean isSignedIn(MockHttpSession session) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(context.getServletContext(), "GET", "/projects");
        request.setPathInfo("/projects");
        request.setSession(session);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        securityFilters.doFilter(request, response, chain);
        if (chain.getRequest() == null) {
            assertThat(response.getRedirectedUrl()).endsWith("/login");
            return false;
        }
        return true;
    }

    /** Runs service calls as a request of this session would, from an address of its own. */
    private void within(MockHttpSession session, Runnable work) {
        SessionWork.within(session, nextAddress(), work);
    }

    private List<SecurityEvent> events(String actor, SecurityEventType type) {
        return securityEvents.findAll().stream().filter(e -> e.getActor().equals(actor) && e.getType() == type).toList();
    }

    private List<Mailbox.Mail> mailsTo(String recipient) {
        return mailbox.to(recipient);
    }

    private List<OutboxMessage> resetMails() {
        return entityManager.createQuery("select m from OutboxMessage m where m.kind = :kind", OutboxMessage.class)
                .setParameter("kind", EmailKind.PASSWORD_RESET).getResultList();
    }

    private static String tokenOf(Mailbox.Mail mail) {
        return mail.token();
    }

    private static String nextAddress() {
        int n = ADDRESS.incrementAndGet();
        return "10.77." + (n / 250) + "." + (n % 250 + 1);
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor remote(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
