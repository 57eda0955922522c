package app.cadence.operator.ui;

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

/**
 * Events about organisations themselves — sign-ups, creation, suspension, reactivation — across
 * all tenants, newest first. Events about a tenant's people stay with that tenant's ADMIN.
 */
@Route("operator/events")
@Menu(order = 11, icon = "vaadin:list", title = "Organisation events")
@PageTitle("Organisation events · Cadence")
@RolesAllowed(RoleSets.OPERATORS)
public class OperatorEventsView extends VerticalLayout implements OperatorPage {

    OperatorEventsView(SecurityLog securityLog) {
        addClassName("operator-events-view");
        setSizeFull();
        Grid<SecurityLog.Entry> grid = new Grid<>();
        grid.addColumn(e -> UserMessages.formatTime(e.at())).setHeader("When").setKey("at").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.type().label()).setHeader("Event").setKey("type").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.subject() == null ? "" : e.subject()).setHeader("Organisation").setKey("subject").setFlexGrow(2);
        grid.addColumn(SecurityLog.Entry::actor).setHeader("By").setKey("actor").setFlexGrow(2);
        grid.addColumn(e -> e.detail() == null ? "" : e.detail()).setHeader("Detail").setKey("detail").setFlexGrow(4);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setPageSize(50);
        grid.setSizeFull();
        grid.setItems(q -> securityLog.tenantLevelLog(q.getOffset(), q.getLimit()).stream(),
                q -> Math.toIntExact(securityLog.countTenantLevelLog()));
        Paragraph empty = new Paragraph("No organisation events yet. Creating, suspending or reactivating an organisation is recorded here.");
        empty.addClassName("empty-state");
        grid.setEmptyStateComponent(empty);
        add(grid);
        expand(grid);
    }
}
