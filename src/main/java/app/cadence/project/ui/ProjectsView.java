package app.cadence.project.ui;

import app.cadence.project.domain.ProjectRow;
import app.cadence.project.service.ProjectService;
import app.cadence.tenancy.domain.RoleSets;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** The tenant's projects: a lazy, paged, sortable list with search. */
@Route("projects")
@Menu(order = 3, icon = "vaadin:folder-open", title = "Projects")
@PageTitle("Projects · Cadence")
@RolesAllowed(RoleSets.MEMBERS)
public class ProjectsView extends VerticalLayout {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy");

    private final ProjectService projects;
    private final TextField search = new TextField();
    private final Grid<ProjectRow> grid = new Grid<>(ProjectRow.class, false);
    private final Paragraph emptyState = new Paragraph();

    ProjectsView(ProjectService projects, AuthenticationContext authentication) {
        this.projects = projects;
        addClassName("projects-view");
        setSizeFull();

        search.setPlaceholder("Search projects");
        search.setTooltipText("Search by key, name, project manager or program");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("min(100%, 28rem)");
        search.setAriaLabel("Search projects");
        search.addValueChangeListener(e -> refresh());

        HorizontalLayout toolbar = new HorizontalLayout(search);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (authentication.hasRole(RoleSets.PROJECT_MANAGERS)) {
            Button create = new Button("New project", VaadinIcon.PLUS.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate(ProjectView.class, ProjectView.NEW)));
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.add(create);
            toolbar.expand(search);
        }

        // The key is a real link: keyboard users can tab to it, and it opens in a new tab too.
        grid.addComponentColumn(r -> new RouterLink(r.key(), ProjectView.class, String.valueOf(r.id())))
                .setHeader("Key").setKey("key").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ProjectRow::name).setHeader("Name").setKey("name").setSortable(true).setFlexGrow(3);
        grid.addColumn(r -> r.pmName() == null ? "—" : r.pmName()).setHeader("Project manager").setKey("pmName").setSortable(true).setFlexGrow(2);
        grid.addColumn(r -> r.programName() == null ? "—" : r.programName()).setHeader("Program").setKey("programName").setSortable(true).setFlexGrow(2);
        grid.addComponentColumn(r -> statusBadge(r)).setHeader("Status").setKey("status").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> format(r.startDate())).setHeader("Start").setKey("startDate").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> format(r.goLiveDate())).setHeader("Go-live").setKey("goLiveDate").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setPageSize(50);
        grid.setSizeFull();
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(ProjectView.class, String.valueOf(e.getItem().id()))));
        grid.setItems(
                query -> projects.list(search.getValue(), VaadinSpringDataHelpers.toSpringDataSort(query),
                        query.getOffset(), query.getLimit()).stream(),
                query -> countAndShowEmptyState());

        emptyState.addClassName("empty-state");
        grid.setEmptyStateComponent(emptyState);
        add(toolbar, grid);
        expand(grid);
    }

    private int countAndShowEmptyState() {
        int count = Math.toIntExact(projects.count(search.getValue()));
        if (count == 0) {
            emptyState.setText(search.isEmpty()
                    ? "No projects yet. Projects you create appear here."
                    : "No project matches “" + search.getValue() + "”. Try another key, name or project manager.");
        }
        return count;
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private static Span statusBadge(ProjectRow row) {
        Span badge = new Span(row.status().label());
        badge.addClassNames("status-badge", "status-" + row.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        return badge;
    }

    static String format(@Nullable LocalDate date) {
        return date == null ? "—" : DATE.format(date);
    }
}
