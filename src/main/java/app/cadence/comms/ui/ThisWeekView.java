package app.cadence.comms.ui;

import app.cadence.comms.service.Communications;
import app.cadence.comms.service.Communications.OccurrenceRow;
import app.cadence.live.LiveScreens;
import app.cadence.live.Topic;
import app.cadence.project.domain.ProgramRow;
import app.cadence.project.service.ProgramService;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.MemberSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * The PMO's agenda: every communication due across the portfolio in a week, filterable by program
 * and owner, overdue ones flagged; live as owners send and skip.
 */
@Route("this-week")
@PageTitle("This week · Cadence")
@Menu(order = 2.5, icon = "vaadin:calendar-envelope", title = "This week")
@RolesAllowed(RoleSets.MEMBERS)
public class ThisWeekView extends VerticalLayout {

    private final transient Communications communications;
    final ComboBox<ProgramRow> program = new ComboBox<>("Program");
    final ComboBox<MemberSummary> owner = new ComboBox<>("Owner");
    final Grid<OccurrenceRow> grid;
    final Span range = new Span();
    private LocalDate weekStart;

    public ThisWeekView(Communications communications, ProgramService programs, LiveScreens live) {
        this.communications = communications;
        addClassName("this-week-view");
        ZoneId zone = communications.zone();
        weekStart = communications.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        program.setItems(programs.list());
        program.setItemLabelGenerator(ProgramRow::name);
        program.setClearButtonVisible(true);
        program.setPlaceholder("All programs");
        owner.setItems(communications.possibleOwners());
        owner.setItemLabelGenerator(MemberSummary::displayName);
        owner.setClearButtonVisible(true);
        owner.setPlaceholder("Everyone");
        program.addValueChangeListener(e -> show());
        owner.addValueChangeListener(e -> show());
        Button previous = new Button("← Previous week", e -> move(-1));
        Button current = new Button("This week", e -> {
            weekStart = communications.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            show();
        });
        Button next = new Button("Next week →", e -> move(1));
        for (Button b : List.of(previous, current, next)) {
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        }
        range.addClassName("week-range");
        HorizontalLayout filters = new HorizontalLayout(program, owner);
        HorizontalLayout weeks = new HorizontalLayout(previous, current, next, range);
        weeks.setAlignItems(Alignment.CENTER);
        grid = CommunicationsSection.agendaGrid(zone, communications.now(), true);
        grid.addClassName("organisation-agenda");
        grid.setEmptyStateText("No communication is due this week.");
        grid.setAllRowsVisible(true);
        add(filters, weeks, grid);
        show();
        live.follow(this, () -> List.of(Topic.COMMS_AGENDA), changes -> show());
    }

    LocalDate weekStartForTests() {
        return weekStart;
    }

    private void move(int weeks) {
        weekStart = weekStart.plusWeeks(weeks);
        show();
    }

    void show() {
        ZoneId zone = communications.zone();
        range.setText(CommunicationsSection.DAY.format(weekStart) + " – " + CommunicationsSection.DAY.format(weekStart.plusDays(6)) + " " + weekStart.getYear());
        grid.setItems(communications.organisationAgenda(weekStart.atStartOfDay(zone).toInstant(), weekStart.plusWeeks(1).atStartOfDay(zone).toInstant(),
                program.getValue() == null ? null : program.getValue().id(), owner.getValue() == null ? null : owner.getValue().userId()));
    }
}
