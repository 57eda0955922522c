package app.cadence.cutover.ui;

import app.cadence.cutover.domain.RunKind;
import app.cadence.cutover.domain.RunOutcome;
import app.cadence.cutover.domain.RunState;
import app.cadence.cutover.domain.StepState;
import app.cadence.cutover.service.CutoverRuns;
import app.cadence.cutover.service.GoNoGoVoting;
import app.cadence.cutover.service.DecisionConditions;
import app.cadence.cutover.service.HypercareChecks;
import app.cadence.cutover.service.RunReading;
import app.cadence.cutover.service.RunReport;
import app.cadence.cutover.service.RunScreen;
import app.cadence.cutover.service.RunStepWork;
import app.cadence.cutover.service.RunbookSpreadsheet;
import app.cadence.live.LiveScreens;
import app.cadence.live.Topic;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.ui.UserMessages;
import app.cadence.template.domain.StepType;
import app.cadence.template.domain.TMinusNotation;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.MemberSummary;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The run screen — the war room of a rehearsal or the go-live: the header with the T-minus clock
 * (ticking in the browser from the server's time), forecast end and variance, progress, the
 * pause or rollback banner and the run's controls; the Now board; the runbook; the timeline; the
 * go/no-go decisions, the roster and the run log. It follows the run live: whatever anyone else
 * does re-reads the screen, keeping filters, selection, scroll and any dialog being typed in.
 * Reached from the instance page's list of runs.
 */
@Route("runs")
@RolesAllowed(RoleSets.MEMBERS)
public class RunView extends Div implements HasUrlParameter<Long>, HasDynamicTitle {

    /** Below this browser width the runbook shows step, state and action only. */
    static final int NARROW = 760;

    private static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm:ss", Locale.UK);

    /**
     * Ticks the clock in the browser: from the server's time (so a wrong PC clock does not matter)
     * and T0, both in epoch milliseconds; frozen at the end of an ended run. Also keeps the
     * elapsed time of steps in progress current. Constant text, values as parameters.
     */
    private static final String CLOCK_SCRIPT = """
            const box = $0, skew = $1 - Date.now(), t0 = $2, zone = $3, frozen = $4;
            if (box.__cadenceTick) { clearInterval(box.__cadenceTick); box.__cadenceTick = null; }
            const pad = n => String(n).padStart(2, '0');
            let wall;
            try {
              wall = new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short',
                hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'short' });
            } catch (e) { wall = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' }); }
            const view = box.closest('.run-view') || document;
            const tick = () => {
              if (!box.isConnected) { clearInterval(box.__cadenceTick); return; }
              const now = frozen > 0 ? frozen : Date.now() + skew;
              const d = now - t0, before = d < 0;
              const s = before ? Math.ceil(-d / 1000) : Math.floor(d / 1000);
              const t = box.querySelector('.run-clock-t'), w = box.querySelector('.run-clock-wall');
              if (t) t.textContent = 'T' + (before ? '\\u2212' : '+') + pad(Math.floor(s / 3600)) + ':' + pad(Math.floor(s % 3600 / 60)) + ':' + pad(s % 60);
              if (w) w.textContent = wall.format(new Date(now));
              view.querySelectorAll('[data-since]').forEach(e => {
                const m = Math.max(0, Math.floor((now - Number(e.dataset.since)) / 60000)), p = Number(e.dataset.planned);
                e.textContent = Math.floor(m / 60) + ':' + pad(m % 60) + ' of ' + Math.floor(p / 60) + ':' + pad(p % 60);
                e.classList.toggle('over', m > p);
              });
            };
            tick();
            if (!(frozen > 0)) { box.__cadenceTick = setInterval(tick, 1000); }
            """;

    /**
     * The operator's keys, on the whole page while this view is shown; ignored while typing in a
     * field, with a modifier held, or with a dialog open. The server decides what each key does.
     */
    private static final String KEYS_SCRIPT = """
            const view = this;
            if (window.__cadenceRunKeys) { document.removeEventListener('keydown', window.__cadenceRunKeys); }
            const handler = e => {
              if (!view.isConnected) { document.removeEventListener('keydown', handler); return; }
              if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
              if (!['j', 'k', 's', 'd', '/', '?'].includes(e.key)) return;
              const typing = e.composedPath().some(n => n instanceof HTMLElement
                && (n.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(n.tagName)));
              if (typing || document.querySelector('vaadin-dialog[opened], vaadin-dialog-overlay[opened]')) return;
              e.preventDefault();
              view.$server.shortcut(e.key);
            };
            window.__cadenceRunKeys = handler;
            document.addEventListener('keydown', handler);
            """;

    private final RunReading reading;
    private final CutoverRuns runs;
    private final RunStepWork work;
    private final GoNoGoVoting voting;
    private final DecisionConditions conditions;
    private final LiveScreens live;

    private @Nullable Long runId;
    private @Nullable RunScreen screen;
    private @Nullable List<MemberSummary> candidates;

    private final Anchor back = new Anchor();
    private final H2 name = new H2();
    private final Span stateBadge = new Span();
    private final Span lead = new Span();
    private final Div clock = new Div();
    private final Span clockT = new Span();
    private final Span clockWall = new Span();
    private final Span clockT0 = new Span();
    private final Span plannedEnd = new Span();
    private final Span forecastEnd = new Span();
    private final Span variance = new Span();
    private final ProgressBar progress = new ProgressBar();
    private final Span progressText = new Span();
    private final Div banners = new Div();
    private final Div controls = new Div();
    /** The run's report and exports, placed once the run (and so its runbook) is known. */
    private final Div exports = new Div();
    private final RunReport report;
    private final RunbookSpreadsheet spreadsheet;
    private final HypercareChecks hypercareChecks;
    /** The hypercare checks and exit sign-off; hides itself when the runbook has none. */
    private @Nullable HypercarePanel hypercare;
    private final Div timelineBox = new Div();
    private final Details timeline = new Details("Timeline: planned and actual");
    private final RadioButtonGroup<Zoom> zoom = new RadioButtonGroup<>();
    private boolean zoomChosen;
    private @Nullable NowBoard now;
    private @Nullable RunbookTable table;
    private @Nullable DecisionsPanel decisions;
    private @Nullable RosterPanel roster;
    private final RunLogPanel log = new RunLogPanel();
    private boolean narrow;
    private com.vaadin.flow.shared.@Nullable Registration resizeListener;

    RunView(RunReading reading, CutoverRuns runs, RunStepWork work, GoNoGoVoting voting, DecisionConditions conditions, LiveScreens live,
            RunReport report, RunbookSpreadsheet spreadsheet, HypercareChecks hypercareChecks) {
        this.hypercareChecks = hypercareChecks;
        this.report = report;
        this.spreadsheet = spreadsheet;
        this.reading = reading;
        this.runs = runs;
        this.work = work;
        this.voting = voting;
        this.conditions = conditions;
        this.live = live;
        addClassName("run-view");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        RunScreen read;
        try {
            read = reading.screen(id);
        } catch (RecordNotFoundException e) {
            throw new NotFoundException();
        }
        if (runId != null && !runId.equals(id)) {
            // Vaadin reuses the view when a link leads from one run to another, but its panels are
            // built around one run: the other run gets a view of its own, once this request ends.
            UI ui = event.getUI();
            ui.access(() -> ui.refreshCurrentRoute(false));
            return;
        }
        if (runId == null) {
            runId = id;
            build();
            exports.add(RunExports.forRun(id, read.header().instanceId(), report, spreadsheet, reading));
            hypercare = HypercarePanel.of(id, hypercareChecks);
            addComponentAtIndex(indexOf(table), hypercare);
            live.follow(this, () -> List.of(Topic.run(id)), changes -> refresh());
        }
        show(read);
    }

    @Override
    public String getPageTitle() {
        return screen == null ? "Run · Cadence" : screen.header().name() + " · " + screen.header().projectKey() + " · Cadence";
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        getElement().executeJs(KEYS_SCRIPT);
        attachEvent.getUI().getPage().retrieveExtendedClientDetails(details -> compact(details.getWindowInnerWidth() < NARROW));
        // The page outlives this view: without removing the listener on detach, every visit to a run
        // in this tab would stay reachable from it.
        resizeListener = attachEvent.getUI().getPage().addBrowserWindowResizeListener(e -> compact(e.getWidth() < NARROW));
        if (screen != null) {
            drawnFrom.put(clock, clockFrom(screen));
            startClock(screen);
        }
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent detachEvent) {
        if (resizeListener != null) {
            resizeListener.remove();
            resizeListener = null;
        }
        super.onDetach(detachEvent);
    }

    private static List<Object> clockFrom(RunScreen read) {
        return List.of(read.header().t0(), Objects.toString(read.header().endedAt()), read.header().zone());
    }

    private Long id() {
        return Objects.requireNonNull(runId);
    }

    private RunScreen current() {
        return Objects.requireNonNull(screen);
    }

    private void build() {
        StepActions actions = new StepActions(id(), work, this::current, this::refresh);
        now = new NowBoard(actions);
        table = new RunbookTable(actions);
        decisions = new DecisionsPanel(id(), voting, conditions, this::candidates, new DecisionsPanel.RunControls() {
            @Override
            public void invokeRollback() {
                askRollback();
            }

            @Override
            public void pause() {
                askPause();
            }
        }, this::refresh);
        roster = new RosterPanel(id(), runs, this::candidates, this::refresh);

        back.addClassName("run-back");
        name.addClassName("run-name");
        stateBadge.addClassName("status-badge");
        lead.addClassName("run-lead");
        Div titleRow = new Div(name, stateBadge, lead);
        titleRow.addClassName("run-title");

        clockT.addClassName("run-clock-t");
        clockWall.addClassName("run-clock-wall");
        clockT0.addClassName("run-clock-t0");
        clock.addClassName("run-clock");
        clock.add(clockT, clockWall, clockT0);

        progress.addClassName("run-progress-bar");
        progressText.addClassName("run-progress-text");
        Div facts = new Div(fact("Planned end", plannedEnd), fact("Forecast end", forecastEnd), fact("Variance", variance),
                fact("Progress", new Div(progress, progressText)));
        facts.addClassName("run-facts");
        plannedEnd.addClassName("run-planned-end");
        forecastEnd.addClassName("run-forecast-end");
        variance.addClassName("run-variance");

        banners.addClassName("run-banners");
        controls.addClassName("run-controls");
        exports.addClassName("run-exports-holder");
        Div header = new Div(back, titleRow, new Div(clock, facts), banners, controls, exports);
        header.getChildren().skip(2).findFirst().ifPresent(c -> c.getElement().getClassList().add("run-clock-row"));
        header.addClassName("run-header");

        timelineBox.addClassName("run-timeline");
        zoom.setItems(Zoom.values());
        zoom.setItemLabelGenerator(z -> z.label);
        zoom.setValue(Zoom.WHOLE);
        zoom.addClassName("run-timeline-zoom");
        zoom.addValueChangeListener(e -> {
            if (e.isFromClient() && screen != null && timeline.isOpened()) {
                zoomChosen = true;
                drawTimeline(screen);
            }
        });
        timeline.add(zoom, timelineBox);
        timeline.addClassName("run-timeline-details");
        timeline.addOpenedChangeListener(e -> {
            if (e.isOpened() && screen != null) {
                drawTimeline(screen);
            } else {
                timelineBox.removeAll();
            }
        });

        Div side = new Div(decisions, roster, log);
        side.addClassName("run-side");
        // A grid of areas: the Now board beside the decisions, roster and log; the runbook and the
        // timeline across the whole width below (one column on narrow screens, the Now board first).
        add(header, now, side, table, timeline);
    }

    private static Div fact(String label, com.vaadin.flow.component.Component value) {
        Span name = new Span(label);
        name.addClassName("fact-label");
        Div fact = new Div(name, value);
        fact.addClassName("run-fact");
        return fact;
    }

    /** Re-reads the run: after this screen's own change, and when someone else's arrives. */
    void refresh() {
        try {
            show(reading.screen(id()));
            if (hypercare != null) {
                hypercare.refresh();
            }
        } catch (RecordNotFoundException e) {
            banners.removeAll();
            banners.add(banner("This run no longer exists: the runbook it belonged to was removed.", "run-banner-gone"));
            controls.removeAll();
        }
    }

    private void show(RunScreen read) {
        this.screen = read;
        RunScreen.Header h = read.header();
        RunTimes times = RunTimes.of(h);
        back.setHref("instances/" + h.instanceId());
        back.setText("← " + h.projectKey() + " · " + h.projectName() + " · " + h.instanceName());
        name.setText(h.name());
        stateBadge.setText(h.state() == RunState.ENDED && h.outcome() != null ? h.outcome().label() : h.state().label());
        stateBadge.getElement().setAttribute("class", "status-badge run-state-" + h.state().name().toLowerCase(Locale.ROOT));
        lead.setText((h.kind() == RunKind.LIVE ? "Go-live run" : "Dress rehearsal") + " · led by " + h.leadName());

        Instant clockAt = h.endedAt() != null ? h.endedAt() : h.now();
        clockT.setText(TMinusNotation.clock(Duration.between(h.t0(), clockAt)));
        clockWall.setText(WALL.format(clockAt.atZone(h.zone())) + " " + RunTimes.zoneLabel(h.zone(), clockAt));
        clockT0.setText("T0 " + times.full(h.t0()) + (h.actualT0() != null ? " (actual; planned " + times.wall(h.plannedT0()) + ")" : " (planned)")
                + (h.endedAt() != null ? " · clock stopped at the end" : ""));

        plannedEnd.setText(times.both(h.plannedEnd()));
        forecastEnd.setText(times.both(h.forecastEnd()));
        if (h.rollback() != null) {
            // Against the go-live plan a rolled-back run ends "days early": say what it is instead.
            variance.setText("Rolled back: the go-live plan no longer applies");
            variance.getElement().setAttribute("class", "run-variance");
        } else {
            variance.setText(RunTimes.variance(h.variance()));
            variance.getElement().setAttribute("class", "run-variance " + RunTimes.varianceClass(h.variance()));
        }
        progress.setValue(h.stepsCounted() == 0 ? 0 : (double) h.stepsDone() / h.stepsCounted());
        progressText.setText(h.stepsDone() + " of " + h.stepsCounted() + " steps done"
                + (h.rollback() == null && read.steps().stream().anyMatch(RunScreen.StepRow::rollback) ? " (rollback steps not counted)" : ""));

        // With thirty people on a run every screen refreshes often: each part is drawn again only
        // when what it shows changed, so a refresh sends the browser little more than the change.
        RunScreen.Header h0 = h;
        List<Object> state = List.of(h.state(), Objects.toString(h.rollback()), Objects.toString(h.pauseReason()), Objects.toString(h.outcome()),
                Objects.toString(h.endNote()), Objects.toString(h.endedAt()), h.plannedStart(), h.t0(), h.plannedT0(), h.zone(), read.you());
        if (changed(banners, state)) {
            showBanners(read, times);
            showControls(read);
        }
        Objects.requireNonNull(now).show(read);
        Objects.requireNonNull(table).show(read);
        if (changed(decisions, List.of(read.decisions(), read.steps().stream().filter(s -> s.type() == StepType.GO_NO_GO).toList(), state,
                h0.leadUserId()))) {
            Objects.requireNonNull(decisions).show(read);
        }
        if (changed(roster, List.of(read.roster(), read.you()))) {
            Objects.requireNonNull(roster).show(read);
        }
        log.show(read);
        if (timeline.isOpened()) {
            drawTimeline(read);
        }
        if (isAttached() && changed(clock, clockFrom(read))) {
            startClock(read);
        }
    }

    /** What each part of the screen was last drawn from. */
    private final java.util.Map<Object, Object> drawnFrom = new java.util.HashMap<>();

    /** Whether {@code part} must be drawn again: what it shows differs from what it was drawn from. */
    private boolean changed(Object part, Object from) {
        return !from.equals(drawnFrom.put(part, from));
    }

    private void startClock(RunScreen read) {
        RunScreen.Header h = read.header();
        clock.getElement().executeJs(CLOCK_SCRIPT, clock.getElement(), h.now().toEpochMilli(), h.t0().toEpochMilli(), h.zone().getId(),
                h.endedAt() == null ? 0 : h.endedAt().toEpochMilli());
    }

    private void drawTimeline(RunScreen read) {
        if (!zoomChosen) {
            // Weeks of hypercare would squeeze the night itself into a few pixels: start close up.
            Instant first = read.steps().stream().map(RunScreen.StepRow::plannedStart).min(Instant::compareTo).orElse(read.header().t0());
            Instant last = read.steps().stream().map(RunScreen.StepRow::plannedFinish).max(Instant::compareTo).orElse(read.header().t0());
            zoom.setValue(Duration.between(first, last).compareTo(Duration.ofDays(2)) > 0 ? Zoom.DAY : Zoom.WHOLE);
        }
        timelineBox.removeAll();
        timelineBox.add(new Svg(RunTimeline.svg(read, zoom.getValue() == null ? null : zoom.getValue().around)));
    }

    /** How much of the run the timeline shows. */
    enum Zoom {
        WHOLE("Whole run", null), DAY("12 hours either side of now", Duration.ofHours(12)), HOURS("2 hours either side of now", Duration.ofHours(2));

        final String label;
        final @Nullable Duration around;

        Zoom(String label, @Nullable Duration around) {
            this.label = label;
            this.around = around;
        }
    }

    private void showBanners(RunScreen read, RunTimes times) {
        RunScreen.Header h = read.header();
        banners.removeAll();
        if (h.rollback() != null) {
            banners.add(banner("Rollback invoked by " + h.rollback().by() + " at " + times.both(h.rollback().at()) + ": " + h.rollback().reason()
                    + ". The forward steps not finished are abandoned; the rollback steps are under way.", "run-banner-rollback"));
        }
        if (h.state() == RunState.PAUSED) {
            banners.add(banner("Paused: " + h.pauseReason() + ". No step starts until the run resumes; steps under way can still be finished.",
                    "run-banner-paused"));
        }
        if (h.state() == RunState.SCHEDULED) {
            banners.add(banner("Scheduled: the run begins at " + times.both(h.plannedStart()) + ". Steps can be worked once it is started.",
                    "run-banner-scheduled"));
        }
        if (h.state() == RunState.ENDED && h.outcome() != null) {
            banners.add(banner("Ended " + (h.endedAt() == null ? "" : times.full(h.endedAt())) + ": " + h.outcome().label().toLowerCase(Locale.UK)
                    + (h.endNote() == null ? "." : " — " + h.endNote()) + " A finished run is read-only.", "run-banner-ended"));
        }
    }

    private static Div banner(String text, String className) {
        Div banner = new Div(new Span(text));
        banner.addClassNames("run-banner", className);
        banner.getElement().setAttribute("role", "status");
        return banner;
    }

    private void showControls(RunScreen read) {
        controls.removeAll();
        RunScreen.Header h = read.header();
        if (read.you().mayRun()) {
            switch (h.state()) {
                case SCHEDULED -> controls.add(button("Start the run", VaadinIcon.PLAY, ButtonVariant.LUMO_PRIMARY, this::askStart),
                        button("Reschedule T0…", VaadinIcon.CALENDAR_CLOCK, null, this::askReschedule),
                        button("Hand over lead…", VaadinIcon.USER_CHECK, null, this::askHandOver),
                        button("Abandon…", VaadinIcon.CLOSE_CIRCLE, ButtonVariant.LUMO_ERROR, this::askEnd));
                case RUNNING, PAUSED -> {
                    if (h.state() == RunState.RUNNING) {
                        controls.add(button("Pause…", VaadinIcon.PAUSE, null, this::askPause));
                    } else {
                        controls.add(button("Resume", VaadinIcon.PLAY, ButtonVariant.LUMO_PRIMARY, this::resume));
                    }
                    if (h.rollback() == null) {
                        controls.add(button("Invoke rollback…", VaadinIcon.ARROW_BACKWARD, ButtonVariant.LUMO_ERROR, this::askRollback));
                    }
                    controls.add(button("End the run…", VaadinIcon.FLAG_CHECKERED, null, this::askEnd),
                            button("Hand over lead…", VaadinIcon.USER_CHECK, null, this::askHandOver));
                }
                case ENDED -> {
                }
            }
        }
        Button keys = button("Keyboard shortcuts", VaadinIcon.KEYBOARD, ButtonVariant.LUMO_TERTIARY, this::showShortcuts);
        keys.addClassName("run-shortcuts-button");
        controls.add(keys);
    }

    private static Button button(String text, VaadinIcon icon, @Nullable ButtonVariant variant, Runnable action) {
        Button button = new Button(text, icon.create(), e -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        if (variant != null) {
            button.addThemeVariants(variant);
        }
        return button;
    }

    private List<MemberSummary> candidates() {
        if (candidates == null) {
            candidates = reading.rosterCandidates();
        }
        return candidates;
    }

    // --- the run's controls ----------------------------------------------------------------------

    private void askStart() {
        RunScreen.Header h = current().header();
        RunTimes times = RunTimes.of(h);
        Duration lead = Duration.between(h.plannedStart(), h.plannedT0());
        new Ask("Start " + h.name() + " now?", "Start now")
                .say("The run begins now and its clock counts from here: T0 becomes " + RunTimes.hoursMinutes(lead) + " from now"
                        + " (planned " + times.full(h.plannedT0()) + "), and every step is expected that much earlier or later than planned.")
                .open(() -> {
                    runs.start(id());
                    refresh();
                });
    }

    private void askPause() {
        Ask ask = new Ask("Pause " + current().header().name() + "?", "Pause the run")
                .say("No step can start while the run is paused; steps under way can still be finished. Everyone on the run sees your reason.");
        TextArea reason = ask.reason("Why pause?", true);
        ask.open(() -> {
            runs.pause(id(), reason.getValue());
            refresh();
        });
    }

    private void resume() {
        try {
            runs.resume(id());
        } catch (RuntimeException e) {
            UserMessages.showError(e);
        }
        refresh();
    }

    private void askRollback() {
        RunScreen read = current();
        long forward = read.steps().stream().filter(s -> !s.rollback() && (s.state().isOpen() || s.state() == StepState.IN_PROGRESS)).count();
        long back = read.steps().stream().filter(RunScreen.StepRow::rollback).count();
        Ask ask = new Ask("Invoke rollback of " + read.header().name() + "?", "Invoke rollback").danger()
                .say("The " + forward + " forward step" + (forward == 1 ? "" : "s") + " not finished will be abandoned and the " + back
                        + " rollback step" + (back == 1 ? "" : "s") + " become ready. Everyone on the run sees it at once. This cannot be undone.");
        TextArea reason = ask.reason("Why roll back?", true);
        ask.open(() -> {
            runs.invokeRollback(id(), reason.getValue());
            refresh();
        });
    }

    private void askEnd() {
        RunScreen read = current();
        boolean scheduled = read.header().state() == RunState.SCHEDULED;
        Ask ask = new Ask((scheduled ? "Abandon " : "End ") + read.header().name() + "?", scheduled ? "Abandon the run" : "End the run").danger();
        RadioButtonGroup<RunOutcome> outcome = new RadioButtonGroup<>("Outcome");
        List<RunOutcome> outcomes = new ArrayList<>();
        if (!scheduled) {
            outcomes.add(RunOutcome.COMPLETED);
            if (read.header().rollback() != null) {
                outcomes.add(RunOutcome.ROLLED_BACK);
            }
        }
        outcomes.add(RunOutcome.ABANDONED);
        outcome.setItems(outcomes);
        outcome.setItemLabelGenerator(RunOutcome::label);
        outcome.setValue(read.header().rollback() != null ? RunOutcome.ROLLED_BACK : outcomes.getFirst());
        long open = read.steps().stream().filter(s -> s.state().isOpen() || s.state() == StepState.IN_PROGRESS)
                .filter(s -> s.rollback() == (read.header().rollback() != null)).count();
        ask.with(outcome).say((open > 0 ? open + " step" + (open == 1 ? " is" : "s are") + " not finished. " : "")
                + "An ended run is read-only: its record goes into the run report as it stands.");
        TextArea note = ask.reason("Note (required unless completed)", false);
        ask.open(() -> {
            runs.end(id(), Objects.requireNonNull(outcome.getValue(), "an outcome"), note.getValue());
            refresh();
        });
    }

    private void askReschedule() {
        RunScreen.Header h = current().header();
        Ask ask = new Ask("Reschedule " + h.name(), "Reschedule");
        DateTimePicker t0 = new DateTimePicker("Planned T0 (" + h.zone().getId() + ")");
        t0.setLocale(Locale.UK);
        t0.setStep(Duration.ofMinutes(15));
        t0.setValue(LocalDateTime.ofInstant(h.plannedT0(), h.zone()));
        ask.with(t0).say("Every step moves with T0. Once the run starts, its planned T0 is the baseline it is measured against.");
        ask.open(() -> {
            if (t0.getValue() == null) {
                throw new app.cadence.shared.domain.RuleViolationException("plannedT0", "Choose the planned T0.");
            }
            runs.reschedule(id(), t0.getValue().atZone(h.zone()).toInstant());
            refresh();
        });
    }

    private void askHandOver() {
        RunScreen.Header h = current().header();
        Ask ask = new Ask("Hand over the lead of " + h.name(), "Hand over")
                .say("The new lead runs the run and alone may overrule a no-go. The handover is recorded in the run log.");
        ComboBox<MemberSummary> who = new ComboBox<>("New lead");
        who.setWidthFull();
        who.setItems(candidates().stream().filter(m -> !m.userId().equals(h.leadUserId())).toList());
        who.setItemLabelGenerator(m -> m.displayName() + " (" + m.role().name().toLowerCase(Locale.ROOT) + ")");
        ask.with(who);
        ask.open(() -> {
            if (who.getValue() == null) {
                throw new app.cadence.shared.domain.RuleViolationException("lead", "Choose who leads the run from now on.");
            }
            runs.handOverLead(id(), who.getValue().userId());
            refresh();
        });
    }

    private void showShortcuts() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Keyboard shortcuts");
        dialog.addClassName("run-shortcuts");
        Div list = new Div();
        list.addClassName("shortcut-list");
        for (String[] key : SHORTCUTS) {
            Span k = new Span(key[0]);
            k.addClassName("shortcut-key");
            Div line = new Div(k, new Span(key[1]));
            line.addClassName("shortcut");
            list.add(line);
        }
        Span note = new Span("Keys work anywhere on the run screen except while you type in a field or a dialog is open.");
        note.addClassName("hint");
        dialog.add(list, note);
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }

    static final String[][] SHORTCUTS = {
            {"j", "select the next step in the runbook"},
            {"k", "select the previous step"},
            {"s", "start the selected step"},
            {"d", "mark the selected step done"},
            {"/", "find a step"},
            {"?", "show these shortcuts"}};

    /** A key the operator pressed (see the keys script); anything else is ignored. */
    @ClientCallable
    void shortcut(String key) {
        if (table == null || screen == null) {
            return;
        }
        switch (key) {
            case "j" -> table.move(1);
            case "k" -> table.move(-1);
            case "s" -> table.act(StepActions.Action.START);
            case "d" -> table.act(StepActions.Action.DONE);
            case "/" -> table.focusSearch();
            case "?" -> showShortcuts();
            default -> {
            }
        }
    }

    private void compact(boolean narrowNow) {
        if (table != null && narrowNow != narrow) {
            narrow = narrowNow;
            table.compact(narrowNow);
            Objects.requireNonNull(now).narrow(narrowNow);
            if (screen != null) {
                now.show(screen);
            }
        }
    }
}
