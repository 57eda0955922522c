package app.cadence.support;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.mock.MockedUI;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import com.github.mvysny.fakeservlet.FakeRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Browserless UI tests: the real views and services, a mocked Vaadin environment. */
@IntegrationTest
public abstract class KaribuTest {

    private static Routes routes;

    @Autowired protected ApplicationContext context;
    @Autowired protected Fixtures fixtures;

    /**
     * The browser's answer to the constant script through which a live refresh that cannot run in
     * the push asks for a request ({@code LiveScreens}: {@code executeJs("return 0").then(…)}).
     * Karibu hands every pending script to its handlers at each simulated round trip — each
     * {@code _get} and {@code _find} makes one — and drops those nobody answers; without this, a
     * refresh queued just before a look-up was lost and a test waiting for the screen timed out.
     */
    private static final kotlin.jvm.functions.Function1<com.vaadin.flow.component.internal.PendingJavaScriptInvocation, kotlin.Unit> BROWSER_ANSWERS_ROUND_TRIP =
            invocation -> {
                if (invocation.isSubscribed() && "return 0".equals(invocation.getInvocation().getExpression())) {
                    invocation.complete(tools.jackson.databind.node.IntNode.valueOf(0));
                }
                return kotlin.Unit.INSTANCE;
            };

    @BeforeAll
    static void discoverRoutes() {
        routes = new Routes().autoDiscoverViews("app.cadence");
        var handlers = com.github.mvysny.kaributesting.v10.TestingLifecycleHookKt.getPendingJavascriptInvocationHandlers();
        if (!handlers.contains(BROWSER_ANSWERS_ROUND_TRIP)) {
            handlers.add(BROWSER_ANSWERS_ROUND_TRIP);
        }
    }

    @BeforeEach
    void setUpVaadin() {
        MockVaadin.setup(MockedUI::new, new MockSpringServlet(routes, context, MockedUI::new));
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /** Signs in: the security context and the request's principal and roles, as Spring Security would. */
    protected void login(Authentication authentication) {
        SecurityContextHolder.getContext().setAuthentication(authentication);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        // Read the roles at call time, so a tenant switch changes them as it does in the app.
        request.setUserInRole((principal, role) -> {
            Authentication current = SecurityContextHolder.getContext().getAuthentication();
            return current != null && current.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
        });
    }

    /**
     * Signs in on a new browser session, as a person does after signing out or in another browser:
     * a new UI, so no view built for the previous person is kept. (Navigating to the view the UI
     * already shows reuses that instance, as Vaadin does.)
     */
    protected void signInAgain(Authentication authentication) {
        tearDownVaadin();
        setUpVaadin();
        login(authentication);
    }

    /**
     * Types a value as a user would: refused when the field is read-only or disabled. (Karibu's
     * own _setValue does not match this Vaadin version's field internals.)
     */
    protected static <V> void type(com.vaadin.flow.component.HasValue<?, V> field, V value) {
        org.assertj.core.api.Assertions.assertThat(field.isReadOnly()).as("field is read-only").isFalse();
        if (field instanceof com.vaadin.flow.component.HasEnabled enabled) {
            org.assertj.core.api.Assertions.assertThat(enabled.isEnabled()).as("field is disabled").isTrue();
        }
        field.setValue(value);
    }

    /** Navigates as a link would, query parameters included. */
    protected void navigate(String location) {
        int query = location.indexOf('?');
        if (query < 0) {
            UI.getCurrent().navigate(location);
        } else {
            UI.getCurrent().navigate(location.substring(0, query),
                    com.vaadin.flow.router.QueryParameters.fromString(location.substring(query + 1)));
        }
    }

    /**
     * Opens the menu that is filled when it opens, as a click on its target does in the browser
     * (the context menu's before-open event), and returns it with its items.
     */
    protected static app.cadence.shared.ui.MenuOnDemand openMenu(Component target) {
        app.cadence.shared.ui.MenuOnDemand menu = app.cadence.shared.ui.MenuOnDemand.of(target)
                .orElseThrow(() -> new AssertionError("no menu opens on " + target));
        tools.jackson.databind.node.ObjectNode data = com.vaadin.flow.internal.JacksonUtils.createObjectNode();
        data.set("event.detail", com.vaadin.flow.internal.JacksonUtils.createObjectNode());
        com.github.mvysny.kaributesting.v10.ElementUtilsKt._fireDomEvent(target.getElement(),
                new com.vaadin.flow.dom.DomEvent(target.getElement(), "vaadin-context-menu-before-open", data));
        menu.getElement().setProperty("opened", true); // the browser opens it and tells the server
        return menu;
    }

    protected Component currentView() {
        return UI.getCurrent().getCurrentView();
    }
}
