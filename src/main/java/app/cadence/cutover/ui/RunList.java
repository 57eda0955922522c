package app.cadence.cutover.ui;

import app.cadence.cutover.domain.RunKind;
import app.cadence.cutover.domain.RunState;
import app.cadence.cutover.service.CutoverRuns;
import app.cadence.cutover.service.RunReading;
import app.cadence.cutover.service.RunReading.RunSummary;
import app.cadence.shared.ui.UserMessages;
import app.cadence.work.service.InstanceHeaders;
import app.cadence.work.service.InstanceHeaders.InstanceHeader;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * A cutover's rehearsals and go-live run: each with its state and T0, a link to its run screen,
 * and — for project managers — scheduling the next rehearsal or the go-live.
 */
class RunList extends VerticalLayout {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);

    private final Long instanceId;
    private final RunReading reading;
    private final CutoverRuns runs;
    private final InstanceHeaders instances;
    private final Div rows = new Div();
    private final Button rehearsal = new Button("Schedule a rehearsal", VaadinIcon.PLUS.create());
    private final Button goLive = new Button("Schedule the go-live", VaadinIcon.FLAG_CHECKERED.create());

    RunList(Long instanceId, RunReading reading, CutoverRuns runs, InstanceHeaders instances) {
        this.instanceId = instanceId;
        this.reading = reading;
        this.runs = runs;
        this.instances = instances;
        addClassName("run-list");
        setPadding(false);
        setSpacing(false);
        rehearsal.addThemeVariants(ButtonVariant.LUMO_SMALL);
        goLive.addThemeVariants(ButtonVariant.LUMO_SMALL);
        rehearsal.addClickListener(e -> schedule("Schedule a rehearsal", runs::scheduleRehearsal));
        goLive.addClickListener(e -> schedule("Schedule the go-live", runs::scheduleLiveRun));
        HorizontalLayout heading = new HorizontalLayout(new H3("Runs"), rehearsal, goLive);
        heading.setAlignItems(Alignment.BASELINE);
        rows.addClassName("run-rows");
        add(heading, rows);
        refresh();
    }

    void refresh() {
        List<RunSummary> list = reading.runsOf(instanceId);
        boolean manager = reading.mayScheduleRuns();
        rehearsal.setVisible(manager);
        goLive.setVisible(manager && list.stream().noneMatch(r -> r.kind() == RunKind.LIVE));
        rows.removeAll();
        if (list.isEmpty()) {
            rows.add(new Paragraph(manager ? "No runs yet. Schedule a dress rehearsal to practise the runbook, then the go-live."
                    : "No runs yet. The project manager schedules the rehearsals and the go-live."));
            return;
        }
        // Read only when there are times to show: the header is three reads, and most runbooks have no run yet.
        ZoneId zone = instances.header(instanceId).zone();
        for (RunSummary run : list) {
            Anchor link = new Anchor("runs/" + run.id(), run.name());
            link.addClassName("run-link");
            Span state = new Span(stateText(run));
            state.addClassNames("status-badge", "run-state-" + run.state().name().toLowerCase(Locale.ROOT));
            Span when = new Span("T0 " + WHEN.format((run.actualT0() != null ? run.actualT0() : run.plannedT0()).atZone(zone))
                    + (run.actualT0() != null ? "" : " (planned)"));
            when.addClassName("run-when");
            HorizontalLayout row = new HorizontalLayout(link, state, when);
            row.setAlignItems(Alignment.BASELINE);
            row.addClassName("run-row");
            rows.add(row);
        }
    }

    private static String stateText(RunSummary run) {
        if (run.state() == RunState.ENDED && run.outcome() != null) {
            return run.outcome().label();
        }
        return run.state().label();
    }

    private void schedule(String title, BiFunction<Long, @Nullable Instant, Long> action) {
        InstanceHeader instance = instances.header(instanceId);
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(title);
        DateTimePicker t0 = new DateTimePicker("Planned T0 (" + instance.zone().getId() + ")");
        t0.setLocale(Locale.UK);
        t0.setStep(java.time.Duration.ofMinutes(15));
        t0.setRequiredIndicatorVisible(true);
        if (instance.anchorAt() != null) {
            t0.setValue(LocalDateTime.ofInstant(instance.anchorAt(), instance.zone()));
        }
        Paragraph help = new Paragraph("Every step is planned from T0: a step at T−2h starts two hours before it. "
                + "The run begins when its first step is planned and can start early or late.");
        help.addClassName("hint");
        Button create = new Button("Schedule", e -> {
            if (t0.getValue() == null) {
                t0.setInvalid(true);
                t0.setErrorMessage("Choose the planned T0.");
                return;
            }
            try {
                Long runId = action.apply(instanceId, t0.getValue().atZone(instance.zone()).toInstant());
                dialog.close();
                refresh();
                getUI().ifPresent(ui -> ui.navigate("runs/" + runId));
            } catch (RuntimeException ex) {
                UserMessages.showError(ex);
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(t0, help));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), create);
        dialog.open();
        t0.focus();
    }
}
