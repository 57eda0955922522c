package app.cadence.audit.ui;

import app.cadence.audit.service.SecurityLog.Entry;
import app.cadence.audit.service.SecurityLog;
import app.cadence.shared.ui.UserMessages;
import app.cadence.tenancy.domain.RoleSets;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

/**
 * The organisation's security events, newest first: sign-ins and failures, password and session
 * changes, invitations, role changes. Read-only; paged in the database, since it only grows.
 */
@Route("admin/security-log")
@Menu(order = 9, icon = "vaadin:shield", title = "Security log")
@PageTitle("Security log · Cadence")
@RolesAllowed(RoleSets.ADMINISTRATORS)
public class SecurityLogView extends VerticalLayout {

    SecurityLogView(SecurityLog securityLog) {
        addClassName("security-log-view");
        setSizeFull();

        Paragraph intro = new Paragraph("Security events of this organisation and its members, newest first. Times are in "
                + "the organisation's time zone; the address is the one the request came from.");
        intro.addClassName("security-log-intro");

        Grid<Entry> grid = new Grid<>();
        grid.addColumn(e -> UserMessages.formatTime(e.at())).setHeader("Time").setKey("time").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.type().label()).setHeader("Event").setKey("type").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Entry::actor).setHeader("By").setKey("actor").setFlexGrow(2);
        grid.addColumn(e -> orEmpty(e.subject())).setHeader("Concerning").setKey("subject").setFlexGrow(2);
        grid.addColumn(e -> orEmpty(e.remoteAddress())).setHeader("Address").setKey("address").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> orEmpty(e.detail())).setHeader("Detail").setKey("detail").setFlexGrow(3);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setPageSize(50);
        grid.setSizeFull();
        grid.setItems(query -> securityLog.tenantLog(query.getOffset(), query.getLimit()).stream(),
                query -> Math.toIntExact(securityLog.countTenantLog()));
        Paragraph empty = new Paragraph("No security events yet. Sign-ins, password changes and member changes appear here.");
        empty.addClassName("empty-state");
        grid.setEmptyStateComponent(empty);

        add(intro, grid);
        expand(grid);
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
