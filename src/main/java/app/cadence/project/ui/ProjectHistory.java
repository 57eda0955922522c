package app.cadence.project.ui;

import app.cadence.audit.service.AuditTrail;
import app.cadence.audit.service.AuditTrail.Entry;
import app.cadence.audit.service.AuditTrail.HistoryFilter;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A project's history: every recorded change, newest first, paged, filterable by person and date. */
class ProjectHistory extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.UK);

    private final TextField person = new TextField();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Grid<Entry> grid = new Grid<>();
    private final Long projectId;

    ProjectHistory(AuditTrail audit, Long projectId, ZoneId zone) {
        this.projectId = projectId;
        addClassName("project-history");
        setPadding(false);
        person.setPlaceholder("Person");
        person.setAriaLabel("Filter history by person");
        person.setClearButtonVisible(true);
        person.setValueChangeMode(ValueChangeMode.LAZY);
        from.setPlaceholder("From");
        from.setAriaLabel("Changes from");
        to.setPlaceholder("To");
        to.setAriaLabel("Changes until");
        for (DatePicker picker : new DatePicker[] {from, to}) {
            picker.setLocale(Locale.UK);
            picker.setClearButtonVisible(true);
            picker.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        }
        person.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        HorizontalLayout filters = new HorizontalLayout(person, from, to);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        grid.addColumn(e -> WHEN.format(e.at().atZone(zone))).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Entry::actor).setHeader("Who").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ProjectHistory::what).setHeader("What").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.before() == null ? "" : e.before()).setHeader("Before").setFlexGrow(1);
        grid.addColumn(e -> e.after() == null ? "" : e.after()).setHeader("After").setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setPageSize(25);
        grid.addClassName("history-grid");
        grid.setHeight("20rem");
        grid.setEmptyStateText("No changes match these filters.");
        grid.setItems(query -> audit.projectHistory(projectId, filter(), query.getOffset(), query.getLimit()).stream(),
                query -> Math.toIntExact(audit.countProjectHistory(projectId, filter())));
        add(new H3("History"), filters, grid);
    }

    boolean shows(Long project) {
        return projectId.equals(project);
    }

    /** Reads the history again as it is filtered and scrolled: for a change others made while it is open. */
    void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private HistoryFilter filter() {
        return new HistoryFilter(person.getValue(), from.getValue(), to.getValue());
    }

    /** The field, or the action, prefixed with what it was done to when that is not the project itself. */
    private static String what(Entry e) {
        String what = e.field() == null ? describe(e.action()) : e.field();
        return e.subjectLabel() == null ? what : e.subjectLabel() + " · " + what;
    }

    private static String describe(String action) {
        return switch (action) {
            case "CREATED" -> "Created";
            case "DELETED" -> "Deleted";
            default -> "Changed";
        };
    }
}
