package app.cadence.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.admin.service.OrganisationSettings;
import app.cadence.portfolio.service.PortfolioService;
import app.cadence.support.Fixtures;
import app.cadence.support.IntegrationTest;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.MemberSummary;
import app.cadence.tenancy.service.MembershipDirectory;
import app.cadence.tenancy.service.TenantScope;
import com.vaadin.flow.router.Route;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * JSR-250 method security guards the services, and leaves Vaadin's views alone: a view's
 * {@code @RolesAllowed} is for the router, and a proxied view cost a search for advisors on
 * every navigation (C11). The services' denials themselves are tested with each service.
 */
@IntegrationTest
class MethodSecurityTest {

    @Autowired List<Advisor> advisors;
    @Autowired PortfolioService portfolio;
    @Autowired OrganisationSettings settings;
    @Autowired MembershipDirectory directory;
    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;

    @Test
    void noAdvisorWrapsAView() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        List<Class<?>> views = new java.util.ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("app.cadence")) {
            views.add(ClassUtils.forName(candidate.getBeanClassName(), getClass().getClassLoader()));
        }
        assertThat(views).as("the views found").hasSizeGreaterThan(30);
        for (Class<?> view : views) {
            assertThat(advisors).as("advisors that would proxy %s", view.getSimpleName())
                    .noneMatch(advisor -> AopUtils.canApply(advisor, view));
        }
    }

    @Test
    void servicesWithRolesAllowedOnTheClassOrAMethodAreGuarded() {
        assertThat(AopUtils.isAopProxy(portfolio)).as("class-level @RolesAllowed").isTrue();
        assertThat(AopUtils.isAopProxy(settings)).as("method-level @RolesAllowed").isTrue();
        assertThat(advisors).anyMatch(advisor -> AopUtils.canApply(advisor, PortfolioService.class)
                && advisor.getAdvice() instanceof org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor);
    }

    @Test
    void preAuthorizeStillGuardsTheServicesThatUseIt() {
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> directory.activeMembers()).as("no one signed in")
                .isInstanceOf(org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
        Fixtures.Member member = fixtures.member(fixtures.tenant("Guarded"), Role.PM);
        assertThat(scope.call(member.userId(), member.tenantId(), () -> directory.activeMembers()))
                .extracting(MemberSummary::userId).contains(member.userId());
        // Only Cadence's classes are looked at: a framework bean is never asked about.
        assertThat(advisors).filteredOn(advisor -> advisor.getAdvice() instanceof org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor)
                .hasSize(2).noneMatch(advisor -> AopUtils.canApply(advisor, org.springframework.data.jpa.repository.support.SimpleJpaRepository.class));
    }
}
