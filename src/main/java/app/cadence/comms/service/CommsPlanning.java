package app.cadence.comms.service;

import app.cadence.comms.domain.CommOccurrence;
import app.cadence.comms.domain.CommOccurrenceRepository;
import app.cadence.comms.domain.CommSeries;
import app.cadence.comms.domain.CommSeriesRepository;
import app.cadence.comms.domain.HolidayRepository;
import app.cadence.comms.domain.CalendarSettingsRepository;
import app.cadence.comms.domain.CalendarSettings;
import app.cadence.comms.domain.OccurrencePlanner.PlannedOccurrence;
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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
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
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CommsPlanning(CommSeriesRepository series, CommOccurrenceRepository occurrences, CalendarSettingsRepository calendarSettings,
                  HolidayRepository holidays, TenantSettings settings, JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
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

    /** All occurrences of new series (none planned yet); returns how many. */
    int generate(List<CommSeries> newSeries, WorkingCalendar calendar) {
        ZoneId zone = zone();
        List<Object[]> rows = new ArrayList<>();
        Long tenantId = TenantContext.requireTenantId();
        int written = 0;
        for (CommSeries s : newSeries) {
            for (PlannedOccurrence planned : s.schedule().plan(zone, calendar)) {
                rows.add(row(tenantId, s, planned));
                if (rows.size() == BATCH) {
                    written += insert(rows);
                }
            }
        }
        written += insert(rows);
        return written;
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

    /** Re-plans one series' future after its timing changed; the series is saved already. */
    Outcome replan(CommSeries s, WorkingCalendar calendar) {
        Long tenantId = TenantContext.requireTenantId();
        Long seriesId = Objects.requireNonNull(s.getId());
        List<CommOccurrence> existing = occurrences.findBySeries(tenantId, seriesId);
        Instant now = clock.instant();
        Replanning.Result result = Replanning.replan(existing.stream().map(CommOccurrence::forReplanning).toList(),
                s.schedule().plan(zone(), calendar), now);
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
