package app.cadence.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.operator.service.TenantAdministration;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.CadenceAuthentication;
import app.cadence.tenancy.service.TenantSelectionService;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/** A member who is inside a tenant when an operator suspends it is stopped at their next request. */
@IntegrationTest
class MembershipRefreshFilterTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantSelectionService selection;
    @Autowired TenantAdministration administration;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theNextRequestAfterASuspensionRunsWithoutTheTenantAndTheSessionForgetsIt() throws Exception {
        Tenant tenant = fixtures.tenant("Inside");
        Member pm = fixtures.member(tenant, Role.PM);
        CadenceAuthentication operator = fixtures.operator();
        MembershipRefreshFilter filter = new MembershipRefreshFilter(selection);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
        request.getSession(true);

        CadenceAuthentication before = (CadenceAuthentication) request(filter, request, pm.authentication());
        assertThat(before.selection()).isNotNull();

        SecurityContextHolder.getContext().setAuthentication(operator);
        administration.suspend(tenant.id(), "Security review");
        SecurityContextHolder.clearContext();

        // The session's next request.
        MockHttpServletRequest next = new MockHttpServletRequest("POST", "/");
        next.setSession(request.getSession());
        CadenceAuthentication during = (CadenceAuthentication) request(filter, next, pm.authentication());
        assertThat(during.selection()).isNull();
        assertThat(during.getAuthorities()).isEmpty();
        assertThat(during.getPrincipal().userId()).isEqualTo(pm.userId());
        SecurityContext stored = (SecurityContext) next.getSession()
                .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(((CadenceAuthentication) stored.getAuthentication()).selection()).isNull();

        // An operator who is also a member keeps the operator role when their tenant goes.
        Member consultant = fixtures.member(tenant, Role.VIEWER);
        CadenceAuthentication operatorInside = new CadenceAuthentication(consultant.authentication().getPrincipal(),
                consultant.authentication().selection(), true);
        assertThat(request(filter, new MockHttpServletRequest(), operatorInside).getAuthorities())
                .extracting(a -> a.getAuthority()).containsExactly(CadenceAuthentication.OPERATOR_AUTHORITY);

        SecurityContextHolder.getContext().setAuthentication(operator);
        administration.reactivate(tenant.id());
        SecurityContextHolder.clearContext();
        assertThat(((CadenceAuthentication) request(filter, new MockHttpServletRequest(), pm.authentication())).selection())
                .isNotNull();
    }

    /** One request through the filter; returns the authentication the rest of the chain saw. */
    private static Authentication request(MembershipRefreshFilter filter, MockHttpServletRequest request, Authentication signedIn)
            throws Exception {
        SecurityContextHolder.getContext().setAuthentication(signedIn);
        AtomicReference<Authentication> seen = new AtomicReference<>();
        try {
            filter.doFilter(request, new MockHttpServletResponse(),
                    (req, res) -> seen.set(SecurityContextHolder.getContext().getAuthentication()));
        } finally {
            SecurityContextHolder.clearContext();
        }
        return seen.get();
    }
}
