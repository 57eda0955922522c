package app.cadence.comms.ui;

import app.cadence.comms.domain.PlanningHorizon;
import app.cadence.comms.service.Communications;
import app.cadence.comms.service.Communications.OccurrenceRow;
import app.cadence.comms.service.Communications.SeriesView;
import app.cadence.live.LiveScreens;
import app.cadence.live.Topic;
import app.cadence.project.ui.ProjectPageSection;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.RouterLink;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;

/**
 * The project's Communications tab: the agenda of occurrences week by week (moved ones marked,
 * overdue ones flagged), the plan's entries with their timing, audience and owner (a PM edits them
 * and sees the dates re-planned), and the log of what was sent. Live: whoever drafts, sends or
 * re-plans anything of the project, every open tab follows.
 */
@org.springframework.stereotype.Component
class CommunicationsSection implements ProjectPageSection {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final int WEEKS_SHOWN = 6;

    private final Communications communications;
    private final SeriesEditorFactory editors;
    private final LiveScreens live;

    CommunicationsSection(Communications communications, SeriesEditorFactory editors, LiveScreens live) {
        this.communications = communications;
        this.editors = editors;
        this.live = live;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String tab() {
        return COMMUNICATIONS;
    }

    @Override
    public Component create(Long projectId, boolean canEdit) {
        Div section = new Div();
        section.addClassName("project-communications");
        LocalDate[] weekStart = {communications.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))};
        Runnable[] show = new Runnable[1];
        show[0] = () -> draw(section, projectId, canEdit, weekStart, show[0]);
        show[0].run();
        live.follow(section, () -> List.of(Topic.commsOf(projectId)), changes -> show[0].run());
        return section;
    }

    private void draw(Div section, Long projectId, boolean canEdit, LocalDate[] weekStart, Runnable redraw) {
        section.removeAll();
        ZoneId zone = communications.zone();
        List<SeriesView> series = communications.series(projectId);
        for (Communications.UnscheduledPlan plan : communications.unscheduledPlans(projectId)) {
            Div earlier = new Div(new Paragraph("“" + plan.name() + "” was applied before Cadence planned each communication's dates."
                    + (canEdit ? " Plan them now: every entry gets its dated occurrences to the plan's end, owned by you until you hand them out."
                    : " A project manager can plan them.")));
            earlier.addClassName("unscheduled-plan");
            if (canEdit) {
                Button plan1 = new Button("Plan its occurrences", e -> {
                    try {
                        int planned = communications.schedule(plan.instanceId());
                        app.cadence.shared.ui.UserMessages.showSuccess(planned + " occurrences planned.");
                    } catch (RuntimeException ex) {
                        app.cadence.shared.ui.UserMessages.showError(ex);
                    }
                    redraw.run();
                });
                plan1.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                earlier.add(plan1);
            }
            section.add(earlier);
        }
        if (series.isEmpty()) {
            section.add(new H3("Communications"), new Paragraph("No communication plan is applied to this project yet. Apply one "
                    + "(Apply template → a communication plan) and Cadence plans every dated occurrence, reminds its owners and keeps the log."));
            return;
        }
        // Agenda
        Instant from = weekStart[0].atStartOfDay(zone).toInstant();
        Instant to = weekStart[0].plusWeeks(WEEKS_SHOWN).atStartOfDay(zone).toInstant();
        List<OccurrenceRow> agenda = communications.agenda(projectId, from, to);
        Button earlier = new Button("← Earlier", e -> {
            weekStart[0] = weekStart[0].minusWeeks(WEEKS_SHOWN);
            redraw.run();
        });
        Button later = new Button("Later →", e -> {
            weekStart[0] = weekStart[0].plusWeeks(WEEKS_SHOWN);
            redraw.run();
        });
        Button thisWeek = new Button("This week", e -> {
            weekStart[0] = communications.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            redraw.run();
        });
        for (Button b : List.of(earlier, thisWeek, later)) {
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        }
        Span range = new Span(DAY.format(weekStart[0]) + " – " + DAY.format(weekStart[0].plusWeeks(WEEKS_SHOWN).minusDays(1)));
        range.addClassName("hint");
        section.add(new H3("Agenda"), new HorizontalLayout(earlier, thisWeek, later, range));
        Grid<OccurrenceRow> grid = agendaGrid(zone, communications.now(), false);
        grid.addClassName("comms-agenda");
        grid.setItems(agenda);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("Nothing planned in these weeks.");
        section.add(grid);
        // Plan
        Grid<SeriesView> plan = new Grid<>();
        plan.addClassName("comms-plan");
        // Timings and audiences read as sentences: wrapped rather than cut.
        plan.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        plan.addColumn(SeriesView::title).setHeader("Communication").setSortable(true).setFlexGrow(2);
        plan.addColumn(SeriesView::timingLabel).setHeader("When").setFlexGrow(2);
        plan.addColumn(s -> s.channel() == null ? "Email" : s.channel()).setHeader("Channel");
        plan.addColumn(SeriesView::audienceLabel).setHeader("Audience").setFlexGrow(2);
        plan.addColumn(SeriesView::ownerName).setHeader("Owner").setSortable(true);
        if (canEdit) {
            plan.addComponentColumn(s -> {
                Button edit = new Button("Edit", e -> editors.open(s, redraw));
                edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                edit.getElement().setAttribute("aria-label", "Edit " + s.title());
                return edit;
            }).setKey("edit").setHeader("").setAutoWidth(true).setFlexGrow(0);
        }
        plan.setItems(series);
        plan.setAllRowsVisible(true);
        section.add(new H3("Plan"), plan);
        // Log
        List<OccurrenceRow> log = communications.log(projectId, 0, 50);
        long total = communications.logCount(projectId);
        Grid<OccurrenceRow> logGrid = new Grid<>();
        logGrid.addClassName("comms-log");
        logGrid.addColumn(r -> DAY.format(r.dueAt().atZone(zone))).setHeader("Date");
        logGrid.addComponentColumn(r -> new RouterLink(r.title(), OccurrenceView.class, r.id())).setHeader("Communication").setFlexGrow(2);
        logGrid.addColumn(r -> r.channel() == null ? "Email" : r.channel()).setHeader("Channel");
        logGrid.addColumn(OccurrenceRow::ownerName).setHeader("Owner");
        logGrid.setItems(log);
        logGrid.setAllRowsVisible(true);
        logGrid.setEmptyStateText("Nothing sent yet.");
        section.add(new H3("Log" + (total > log.size() ? " (latest " + log.size() + " of " + total + ")" : "")), logGrid);
    }

    /** An occurrence opens from its title; one planned beyond what is written yet has nothing to open. */
    private static Component titleOf(OccurrenceRow r) {
        if (r.id() != null) {
            return new RouterLink(r.title(), OccurrenceView.class, r.id());
        }
        Span title = new Span(r.title());
        title.addClassName("occurrence-ahead");
        title.setTitle("Planned. It opens for drafting " + PlanningHorizon.AHEAD.getDays() / 7 + " weeks before it is due.");
        return title;
    }

    /** The columns agendas share: the project tab's and the organisation's. */
    static Grid<OccurrenceRow> agendaGrid(ZoneId zone, Instant now, boolean withProject) {
        Grid<OccurrenceRow> grid = new Grid<>();
        grid.addColumn(r -> "Week " + r.dueOn().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)).setHeader("Week").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> DAY.format(r.dueAt().atZone(zone)) + " " + TIME.format(r.dueAt().atZone(zone))
                + (r.moved() ? " (moved from " + DAY.format(r.scheduledFor()) + ")" : "")).setHeader("Due").setFlexGrow(1)
                .setComparator(OccurrenceRow::dueAt).setSortable(true);
        if (withProject) {
            grid.addComponentColumn(r -> new Anchor("projects/" + r.projectId(), r.projectKey())).setHeader("Project").setAutoWidth(true)
                    .setComparator(OccurrenceRow::projectKey).setSortable(true);
        }
        grid.addComponentColumn(CommunicationsSection::titleOf).setKey("communication").setHeader("Communication").setFlexGrow(2)
                .setComparator(OccurrenceRow::title).setSortable(true);
        grid.addColumn(r -> r.channel() == null ? "Email" : r.channel()).setHeader("Channel");
        grid.addColumn(OccurrenceRow::ownerName).setHeader("Owner").setSortable(true).setComparator(OccurrenceRow::ownerName);
        grid.addComponentColumn(r -> {
            Span status = new Span(r.overdue(now) ? "Overdue" : r.status().label());
            status.addClassNames("status-badge", switch (r.status()) {
                case SENT -> "status-active";
                case SKIPPED -> "status-closed";
                default -> r.overdue(now) ? "status-on-hold" : "status-proposed";
            });
            return status;
        }).setHeader("Status").setAutoWidth(true);
        return grid;
    }
}
