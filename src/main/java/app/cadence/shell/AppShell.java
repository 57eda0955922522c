package app.cadence.shell;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * Loads Lumo and the app's own stylesheet as plain CSS: no npm bundle build is needed to build
 * or run Cadence (the stylesheet lives in the top-level frontend/ folder).
 *
 * <p>Server push lets open screens follow changes others make (see {@code app.cadence.live}).
 * The transport is {@code WEBSOCKET_XHR}, not {@code WEBSOCKET}, on purpose: the server pushes
 * over the websocket, but every message from the browser is an ordinary HTTP request, so it
 * passes the servlet filter chain, where {@code MembershipRefreshFilter} and
 * {@code SessionRevocationFilter} re-check the member's role, deactivation, tenant suspension and
 * session revocation on every request. With plain {@code WEBSOCKET} the browser's messages would
 * travel over the websocket and reach application code without those checks. Behind a proxy that
 * blocks websockets, Vaadin falls back to long polling.
 */
@Push(transport = Transport.WEBSOCKET_XHR)
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@StyleSheet("styles/app.css")
public class AppShell implements AppShellConfigurator {
}
