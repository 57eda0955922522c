package app.cadence.shell;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.project.ui.ProjectsView;
import app.cadence.security.ui.LoginView;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.KaribuTest;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.ui.TenantSwitcher;
import com.vaadin.flow.component.button.Button;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NavigationTest extends KaribuTest {

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        navigate("projects");
        assertThat(currentView()).isInstanceOf(LoginView.class);
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void eachRoleSeesTheFeaturesItMayUse(Role role) {
        Tenant tenant = fixtures.tenant("Nav");
        Member member = fixtures.member(tenant, role);
        login(member.authentication());

        navigate("");

        // Directors land on the portfolio, everybody else on the projects.
        boolean director = role == Role.ADMIN || role == Role.PMO;
        assertThat(currentView()).isInstanceOf(director ? app.cadence.portfolio.ui.PortfolioView.class : ProjectsView.class);
        java.util.List<String> features = new java.util.ArrayList<>(java.util.List.of("Portfolio", "My work", "This week", "Projects", "Programs",
                "Templates", "Lessons learned", "Distribution lists"));
        if (role == Role.ADMIN) {
            features.add("Members");
            features.add("Organisation settings");
        }
        if (director) {
            features.add("Working calendar");
        }
        if (role == Role.ADMIN) {
            features.add("Email outbox");
            features.add("Chat notifications");
            features.add("Security log");
        }
        assertThat(_get(app.cadence.shell.SideNavigation.class).labels()).containsExactlyElementsOf(features);
        navigate("projects");
        boolean editor = role == Role.ADMIN || role == Role.PMO || role == Role.PM;
        assertThat(_find(Button.class, spec -> spec.withText("New project"))).hasSize(editor ? 1 : 0);
        // The header names the organisation the user works in.
        assertThat(_get(TenantSwitcher.class).getElement().getTextRecursively()).contains(tenant.name());
    }
}
