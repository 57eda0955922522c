package app.cadence.comms.service;

import app.cadence.comms.domain.CommOccurrence;
import app.cadence.comms.domain.CommOccurrenceRepository;
import app.cadence.comms.domain.CommSeries;
import app.cadence.comms.domain.CommSeriesRepository;
import app.cadence.comms.domain.HolidayRepository;
import app.cadence.comms.domain.CalendarSettingsRepository;
import app.cadence.comms.domain.CalendarSettings;
import app.cadence.comms.domain.OccurrencePlanner.PlannedOccurrence;
import app.cadence.comms.domain.PlanningHorizon;
import app.cadence.comms.domain.Replanning;
import app.cadence.comms.domain.WorkingCalendar;
import app.cadence.comms.events.CommsChanged;
import app.cadence.tenancy.service.ChangedBy;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.service.TenantSettings;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns series into dated occurrences, and re-plans them when their timing, the calendar or the
 * plan changes: the future planned occurrences are replaced, the past and anything drafted, sent or
 * skipped stay (Replanning). New occurrences are written in JDBC batches: applying a plan with a
 * daily entry over a year writes hundreds of rows, and a portfolio's worth must not take minutes.
 */
@Component
class CommsPlanning {

    private static final int BATCH = 500;

    private final CommSeriesRepository series;
    private final CommOccurrenceRepository occurrences;
    private final CalendarSettingsRepository calendarSettings;
    private final HolidayRepository holidays;
    private final TenantSettings settings;
    private final JdbcTemplate jdbc;
    private final JdbcClient client;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CommsPlanning(CommSeriesRepository series, CommOccurrenceRepository occurrences, CalendarSettingsRepository calendarSettings,
                  HolidayRepository holidays, TenantSettings settings, JdbcTemplate jdbc, JdbcClient client, ApplicationEventPublisher events,
                  Clock clock) {
        this.client = client;
        this.series = series;
        this.occurrences = occurrences;
        this.calendarSettings = calendarSettings;
        this.holidays = holidays;
        this.settings = settings;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    WorkingCalendar calendar() {
        Long tenantId = TenantContext.requireTenantId();
        Set<DayOfWeek> days = calendarSettings.findForTenant(tenantId).map(CalendarSettings::workingDays)
                .orElse(WorkingCalendar.WEEKDAYS.workingDays());
        return new WorkingCalendar(days, new TreeSet<>(holidays.daysOf(tenantId)));
    }

    ZoneId zone() {
        return settings.zone();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone());
    }

    /** How many occurrences the plans have in all, and how many of them were written now. */
    record Planned(int planned, int written) {
    }

    /**
     * The first occurrences of new series (none written yet), up to the planning horizon. The
     * series are managed: their {@code plannedUntil} is saved with them.
     */
    Planned generate(List<CommSeries> newSeries, WorkingCalendar calendar) {
        return extend(newSeries, calendar, PlanningHorizon.until(today()));
    }

    /**
     * Writes each series' occurrences after what it has written up to {@code until} and moves its
     * mark: what applying a plan and the daily round both do. A series whose whole plan is written
     * is marked so ({@link PlanningHorizon#ALL_WRITTEN}) and no round reads it again.
     */
    Planned extend(List<CommSeries> toExtend, WorkingCalendar calendar, LocalDate until) {
        ZoneId zone = zone();
        List<Object[]> rows = new ArrayList<>();
        Long tenantId = TenantContext.requireTenantId();
        Map<MarkMove, List<CommSeries>> moves = new HashMap<>();
        int written = 0;
        int planned = 0;
        for (CommSeries s : toExtend) {
            List<PlannedOccurrence> plan = s.schedule().plan(zone, calendar);
            planned += plan.size();
            for (PlannedOccurrence occurrence : PlanningHorizon.toWrite(plan, s.getPlannedUntil(), until)) {
                rows.add(row(tenantId, s, occurrence));
                if (rows.size() == BATCH) {
                    written += insert(rows);
                }
            }
            moves.computeIfAbsent(new MarkMove(s.getPlannedUntil(), PlanningHorizon.mark(plan, s.getPlannedUntil(), until)), m -> new ArrayList<>())
                    .add(s);
        }
        written += insert(rows);
        moves.forEach(this::move);
        return new Planned(planned, written);
    }

    /** Series whose mark goes from {@code from} to {@code to}: moved together, by one statement per thousand. */
    private record MarkMove(@Nullable LocalDate from, LocalDate to) {
    }

    /**
     * Moves the marks only where they still stand where this transaction read them: when another
     * node moved one meanwhile, nothing of this transaction is kept (its rows included).
     */
    private void move(MarkMove move, List<CommSeries> moved) {
        Long tenantId = TenantContext.requireTenantId();
        for (int i = 0; i < moved.size(); i += 1000) {
            List<CommSeries> chunk = moved.subList(i, Math.min(moved.size(), i + 1000));
            int changed = client.sql("update comm_series set planned_until = :to where tenant_id = :tenant and id in (:ids) and "
                            + (move.from() == null ? "planned_until is null" : "planned_until = :from"))
                    .param("to", move.to()).param("tenant", tenantId).param("ids", chunk.stream().map(CommSeries::getId).toList())
                    .param("from", move.from()).update();
            if (changed != chunk.size()) {
                throw new OptimisticLockingFailureException("Occurrences of " + (chunk.size() - changed)
                        + " communications were planned by someone else meanwhile.");
            }
            chunk.forEach(s -> s.plannedUntil(move.to()));
        }
    }

    private static Object[] row(Long tenantId, CommSeries s, PlannedOccurrence planned) {
        return new Object[] {tenantId, s.getProjectId(), s.getId(), s.getTitle(), s.getChannel(), planned.scheduledFor(), planned.day(),
                Timestamp.from(planned.dueAt()), s.getOwnerId()};
    }

    private int insert(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        jdbc.batchUpdate("""
                insert into comm_occurrence (tenant_id, project_id, series_id, title, channel, scheduled_for, due_on, due_at, owner_id, status, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PLANNED', 0)""", rows);
        int n = rows.size();
        rows.clear();
        return n;
    }

    /** What re-planning a series did. */
    record Outcome(int removed, int added) {
        boolean changed() {
            return removed + added > 0;
        }
    }

    /**
     * Re-plans one series' future after its timing changed; the series is saved already. What is
     * written is re-planned up to the horizon (a series planned before the horizon existed had its
     * whole plan written: its far future goes, the daily round writes it again as it comes near).
     */
    Outcome replan(CommSeries s, WorkingCalendar calendar) {
        Long tenantId = TenantContext.requireTenantId();
        Long seriesId = Objects.requireNonNull(s.getId());
        List<CommOccurrence> existing = occurrences.findBySeries(tenantId, seriesId);
        Instant now = clock.instant();
        LocalDate until = PlanningHorizon.until(today());
        List<PlannedOccurrence> plan = s.schedule().plan(zone(), calendar);
        Replanning.Result result = Replanning.replan(existing.stream().map(CommOccurrence::forReplanning).toList(),
                PlanningHorizon.written(plan, until), now);
        if (!result.removed().isEmpty()) {
            occurrences.deleteOccurrences(tenantId, result.removed().stream().map(Replanning.Existing::id).toList());
        }
        List<Object[]> rows = new ArrayList<>();
        for (PlannedOccurrence planned : result.added()) {
            rows.add(row(tenantId, s, planned));
            if (rows.size() == BATCH) {
                insert(rows);
            }
        }
        insert(rows);
        move(new MarkMove(s.getPlannedUntil(), PlanningHorizon.mark(plan, null, until)), List.of(s));
        return new Outcome(result.removed().size(), result.added().size());
    }

    /** Re-plans every series of the organisation (its calendar changed); returns how many occurrences moved in or out. */
    int replanTenant() {
        WorkingCalendar calendar = calendar();
        int changed = 0;
        Set<Long> projects = new HashSet<>();
        for (CommSeries s : series.findAllInTenant(TenantContext.requireTenantId())) {
            Outcome outcome = replan(s, calendar);
            if (outcome.changed()) {
                changed += outcome.added();
                projects.add(s.getProjectId());
            }
        }
        projects.forEach(p -> announce(p, "PLANNED", Set.of()));
        return changed;
    }

    void announce(Long projectId, String change, Set<Long> owners) {
        events.publishEvent(new CommsChanged(TenantContext.requireTenantId(), projectId, change, owners, ChangedBy.current(), clock.instant()));
    }

    Instant now() {
        return clock.instant();
    }
}
