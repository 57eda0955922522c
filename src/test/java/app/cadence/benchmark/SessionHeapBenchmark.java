package app.cadence.benchmark;

import app.cadence.portfolio.ui.PortfolioView;
import app.cadence.support.Fixtures;
import benchmark.EmptyView;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.tenancy.domain.Role;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.mock.MockedUI;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.internal.CurrentInstance;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live heap per idle signed-in UI session: N sessions each open the portfolio (as a PMO lands
 * on it, 60 projects in the tenant) and are kept open; the heap difference after garbage
 * collection, divided by N, is the figure. Its floor is the same for a UI showing an empty
 * route without the app's layout: what Vaadin (and the mocked servlet environment of
 * Karibu-Testing, which stands in for Tomcat's session here) cost by themselves.
 */
@IntegrationTest
@Tag("benchmark")
class SessionHeapBenchmark {

    @Autowired ApplicationContext context;
    @Autowired Fixtures fixtures;

    private final List<String> report = new ArrayList<>();

    @Test
    void measure() throws Exception {
        int sessions = Integer.getInteger("cadence.bench.sessions", 100);
        Tenant tenant = fixtures.tenant("Heap");
        Member pmo = fixtures.member(tenant, Role.PMO);
        Member pm = fixtures.member(tenant, Role.PM);
        for (int i = 0; i < 60; i++) {
            fixtures.project(pm, String.format("H-%03d", i), "Project " + i);
        }
        // As deployed: in development mode Vaadin records a stack trace for every component it
        // creates (for its dev tools), which would triple the figure.
        System.setProperty("vaadin.productionMode", "true");
        Routes routes = new Routes().autoDiscoverViews("app.cadence");
        routes.getRoutes().add(EmptyView.class);
        MockSpringServlet servlet = new MockSpringServlet(routes, context, MockedUI::new);

        // Warm-up: class loading and caches, not sessions, must not count.
        perSession(10, servlet, pmo.authentication(), "benchmark-empty");
        perSession(10, servlet, pmo.authentication(), "portfolio");

        double empty = perSession(sessions, servlet, pmo.authentication(), "benchmark-empty");
        double portfolio = perSession(sessions, servlet, pmo.authentication(), "portfolio");
        line("Live heap per idle UI session, %d sessions on the portfolio: %.0f KB; floor (empty UI): %.0f KB; ratio %.2f; ours above the floor: %.0f KB",
                sessions, portfolio / 1024, empty / 1024, portfolio / empty, (portfolio - empty) / 1024);
        for (String extra : System.getProperty("cadence.bench.heapRoutes", "").split(",")) {
            if (!extra.isBlank()) {
                line("  for comparison, %s: %.0f KB", extra, perSession(sessions, servlet, pmo.authentication(), extra) / 1024);
            }
        }
        System.clearProperty("vaadin.productionMode");
        Path out = Path.of("target", "benchmark-session-heap.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
    }

    /** Opens n sessions on the route, keeps them, and returns the heap they hold, per session, in bytes. */
    private double perSession(int n, MockSpringServlet servlet, Authentication user, String route) {
        List<VaadinSession> open = new ArrayList<>();
        long before = settledHeap();
        for (int i = 0; i < n; i++) {
            MockVaadin.setup(MockedUI::new, servlet);
            SecurityContextHolder.getContext().setAuthentication(user);
            var request = (com.github.mvysny.fakeservlet.FakeRequest) VaadinServletRequest.getCurrent().getRequest();
            request.setUserPrincipalInt(user);
            request.setUserInRole((principal, role) -> user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
            UI.getCurrent().navigate(route);
            // The first response: the grid fetches its page, and the changes are written out and
            // forgotten, as they are when a browser receives them.
            MockVaadin.clientRoundtrip(false);
            UI.getCurrent().getInternals().getStateTree().collectChanges(change -> { });
            UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();
            if (route.equals("portfolio") || route.equals("benchmark-empty")) {
                assertThat(UI.getCurrent().getCurrentView()).as("view of %s", route)
                        .isInstanceOf(route.equals("portfolio") ? PortfolioView.class : EmptyView.class);
            }
            open.add(VaadinSession.getCurrent());
            // Leave the session open, as an idle user does: only this thread lets go of it.
            CurrentInstance.clearAll();
            SecurityContextHolder.clearContext();
        }
        long after = settledHeap();
        assertThat(open).allSatisfy(s -> assertThat(s.getUIs()).as("the session's UI is still open").isNotEmpty());
        double perSession = (after - before) / (double) n;
        open.clear();
        return perSession;
    }

    private static long settledHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        report.add(text);
        System.out.println("[benchmark] " + text);
    }
}
