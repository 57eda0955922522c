package app.cadence.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.security.service.AccountService;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures;
import app.cadence.support.IntegrationTest;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.CadenceAuthentication;
import app.cadence.tenancy.service.CadenceUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit found that an operator who changed their name or password lost the operator rights
 * until they signed in again: the session's authentication was rebuilt from the user and the
 * tenant only. A profile change must keep everything else the sign-in carries.
 */
@IntegrationTest
class ProfileChangeKeepsSignInTest {

    @Autowired Fixtures fixtures;
    @Autowired AccountService account;
    @Autowired app.cadence.tenancy.service.PlatformOperators operators;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void anOperatorWhoIsAlsoAMemberKeepsBothAfterANewNameAndANewPassword() {
        Member consultant = fixtures.member(fixtures.tenant("Operators"), Role.PMO);
        operators.grant(consultant.email());
        CadenceAuthentication signedIn = new CadenceAuthentication(consultant.authentication().getPrincipal(),
                consultant.authentication().selection(), true);
        SecurityContextHolder.getContext().setAuthentication(signedIn);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));

        account.changeDisplayName("Olivia Operator");
        assertKeepsEverything(consultant, "Olivia Operator");

        account.changePassword(Fixtures.PASSWORD, "amber lantern voyage 42", "amber lantern voyage 42");
        assertKeepsEverything(consultant, "Olivia Operator");
    }

    private static void assertKeepsEverything(Member consultant, String name) {
        CadenceAuthentication now = (CadenceAuthentication) SecurityContextHolder.getContext().getAuthentication();
        assertThat(now.isOperator()).as("still an operator").isTrue();
        assertThat(now.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_PMO", "ROLE_MEMBERS", "ROLE_PROJECT_MANAGERS", "ROLE_PORTFOLIO_OFFICE", CadenceAuthentication.OPERATOR_AUTHORITY);
        assertThat(now.selection()).isEqualTo(consultant.authentication().selection());
        assertThat(now.getPrincipal()).isEqualTo(new CadenceUser(consultant.userId(), consultant.email(), name));
    }
}
