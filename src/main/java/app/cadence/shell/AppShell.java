package app.cadence.shell;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * Loads Lumo and the app's own stylesheet as plain CSS: no npm bundle build is needed to build
 * or run Cadence (the stylesheet lives in the top-level frontend/ folder).
 */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@StyleSheet("styles/app.css")
public class AppShell implements AppShellConfigurator {
}
