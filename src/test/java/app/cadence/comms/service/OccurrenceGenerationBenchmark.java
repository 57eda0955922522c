package app.cadence.comms.service;

import app.cadence.comms.domain.CommSeries;
import app.cadence.comms.domain.CommSeriesRepository;
import app.cadence.comms.domain.PlanningHorizon;
import app.cadence.comms.domain.WorkingCalendar;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.support.TestClock;
import app.cadence.template.domain.Cadence;
import app.cadence.template.domain.EntryTiming;
import app.cadence.template.domain.NonWorkingDayRule;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generating a year of occurrences for 1,000 projects × 15 entries (issue C9: < 5 s): a realistic
 * plan per project (a daily stand-up, five weekly entries, two fortnightly, three monthly on a
 * day or a weekday, a quarterly review, two once-only notices, a milestone entry), a calendar
 * with twelve holidays, each series' year planned and its first weeks written in JDBC batches
 * through {@code CommsPlanning.generate} — what applying the plans does after saving the series
 * (see {@code PlanningHorizon}) — then the next day's horizon round. In-process against the configured
 * database (no HTTP: applying a plan is one request whose time is this). Asserts nothing about
 * time. {@code bin/mvn test -Pbenchmark -Dtest=OccurrenceGenerationBenchmark [-Pmariadb]}; prints
 * and writes target/benchmark-occurrences.txt.
 */
@Tag("benchmark")
@IntegrationTest
class OccurrenceGenerationBenchmark {

    static final int PROJECTS = Integer.getInteger("cadence.bench.projects", 1_000);

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired CommsPlanning planning;
    @Autowired CommSeriesRepository series;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired CommsHorizonRound round;
    @Autowired TestClock clock;

    @Test
    void measure() throws Exception {
        Tenant tenant = fixtures.tenant("Occurrence bench");
        Member pm = fixtures.member(tenant, Role.PM);
        LocalDate start = LocalDate.of(2027, 1, 4);
        LocalDate end = start.plusYears(1).minusDays(1);
        ZoneId zone = java.time.ZoneOffset.UTC; // a new organisation's zone
        Instant was = clock.instant();
        // The plans are applied on their first day: the horizon runs from there.
        clock.advance(Duration.between(clock.instant(), start.atTime(8, 0).atZone(zone).toInstant()));
        try {
            List<String> report = run(tenant, pm, start, end, zone);
            report.forEach(System.out::println);
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target", "benchmark-occurrences.txt"), report);
        } finally {
            clock.advance(Duration.between(clock.instant(), was));
        }
    }

    private List<String> run(Tenant tenant, Member pm, LocalDate start, LocalDate end, ZoneId zone) {
        long seedStart = System.nanoTime();
        scope.run(pm.userId(), tenant.id(), () -> transactions.executeWithoutResult(s -> {
            for (int p = 0; p < PROJECTS; p++) {
                series.saveAll(plan(100_000L + p, pm.userId(), start, end));
            }
        }));
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        WorkingCalendar calendar = WorkingCalendar.WEEKDAYS.withHolidays(Set.of(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 4, 2),
                LocalDate.of(2027, 4, 5), LocalDate.of(2027, 5, 3), LocalDate.of(2027, 5, 31), LocalDate.of(2027, 8, 30),
                LocalDate.of(2027, 12, 27), LocalDate.of(2027, 12, 28), LocalDate.of(2027, 6, 18), LocalDate.of(2027, 7, 16),
                LocalDate.of(2027, 10, 8), LocalDate.of(2027, 11, 12)));

        long planned = 0;
        long planStart = System.nanoTime();
        for (CommSeries s : all(tenant, pm)) {
            planned += s.schedule().plan(zone, calendar).size();
        }
        double planSeconds = (System.nanoTime() - planStart) / 1e9;

        // What applying does once the series are saved: plan each series' year, write its first
        // weeks, mark how far it is written (the series are managed, as in CommsLifecycle).
        long generateStart = System.nanoTime();
        int[] written = {0};
        scope.run(pm.userId(), tenant.id(), () -> transactions.executeWithoutResult(s ->
                written[0] = planning.generate(series.findAllInTenant(tenant.id()), calendar).written()));
        double generateSeconds = (System.nanoTime() - generateStart) / 1e9;
        Long stored = jdbc.queryForObject("select count(*) from comm_occurrence where tenant_id = ?", Long.class, tenant.id());

        // The next day's round: every running series gets one more day.
        clock.advance(Duration.ofDays(1));
        long roundStart = System.nanoTime();
        int roundWritten = round.extendAll();
        double roundSeconds = (System.nanoTime() - roundStart) / 1e9;

        return List.of(
                String.format(Locale.ROOT, "Occurrences for a year of %,d projects × 15 entries (series saved in %.1f s beforehand):", PROJECTS, seedSeconds),
                String.format(Locale.ROOT, "  planning the year (recurrence, calendar moves, zone): %,d occurrences in %.2f s", planned, planSeconds),
                String.format(Locale.ROOT, "  generating (planning the year + writing the first %d weeks in JDBC batches + marking each series, one transaction): %,d written, %,d stored, in %.2f s",
                        PlanningHorizon.AHEAD.getDays() / 7, written[0], stored, generateSeconds),
                String.format(Locale.ROOT, "  the next day's horizon round (every organisation, every series behind): %,d written in %.2f s", roundWritten, roundSeconds),
                "Target: < 5 s (issue C9).");
    }

    private List<CommSeries> all(Tenant tenant, Member pm) {
        List<CommSeries> all = new ArrayList<>();
        scope.run(pm.userId(), tenant.id(), () -> all.addAll(series.findAllInTenant(tenant.id())));
        return all;
    }

    private static List<CommSeries> plan(Long projectId, Long owner, LocalDate start, LocalDate end) {
        List<CommSeries> plan = new ArrayList<>();
        Object[][] entries = {
                {Cadence.DAILY, timing(LocalTime.of(9, 15), Set.of(), 1, 0, 0, null, List.of())},
                {Cadence.WEEKLY, timing(LocalTime.of(15, 0), Set.of(DayOfWeek.FRIDAY), 1, 0, 0, null, List.of())},
                {Cadence.WEEKLY, timing(LocalTime.of(10, 0), Set.of(DayOfWeek.MONDAY), 1, 0, 0, null, List.of())},
                {Cadence.WEEKLY, timing(LocalTime.of(11, 0), Set.of(DayOfWeek.WEDNESDAY), 1, 0, 0, null, List.of())},
                {Cadence.WEEKLY, timing(LocalTime.of(14, 0), Set.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), 1, 0, 0, null, List.of())},
                {Cadence.WEEKLY, timing(LocalTime.of(16, 30), Set.of(DayOfWeek.THURSDAY), 1, 0, 0, null, List.of())},
                {Cadence.WEEKLY, timing(LocalTime.of(10, 0), Set.of(DayOfWeek.TUESDAY), 2, 0, 0, null, List.of())},
                {Cadence.WEEKLY, timing(LocalTime.of(13, 0), Set.of(DayOfWeek.WEDNESDAY), 2, 0, 0, null, List.of())},
                {Cadence.MONTHLY, timing(LocalTime.of(9, 0), Set.of(), 1, 31, 0, null, List.of())},
                {Cadence.MONTHLY, timing(LocalTime.of(9, 0), Set.of(), 1, 0, 1, DayOfWeek.MONDAY, List.of())},
                {Cadence.MONTHLY, timing(LocalTime.of(9, 0), Set.of(), 1, 0, -1, DayOfWeek.FRIDAY, List.of())},
                {Cadence.QUARTERLY, timing(LocalTime.of(14, 0), Set.of(), 1, 0, -1, DayOfWeek.THURSDAY, List.of())},
                {Cadence.ONCE, timing(LocalTime.of(9, 0), Set.of(), 1, 0, 0, null, List.of())},
                {Cadence.ONCE, timing(LocalTime.of(12, 0), Set.of(), 1, 0, 0, null, List.of())},
                {Cadence.AT_MILESTONE, timing(LocalTime.of(11, 0), Set.of(), 1, 0, 0, null, List.of(-10, -1, 1))},
        };
        int i = 0;
        for (Object[] e : entries) {
            Cadence cadence = (Cadence) e[0];
            LocalDate first = cadence == Cadence.ONCE || cadence == Cadence.AT_MILESTONE ? start.plusDays(40L * ++i) : start;
            plan.add(new CommSeries(projectId, projectId, UUID.randomUUID(), "Entry " + cadence + " " + i, null, "Email", null, owner, cadence,
                    (EntryTiming) e[1], first, start, end, null, false));
        }
        return plan;
    }

    private static EntryTiming timing(LocalTime at, Set<DayOfWeek> days, int every, int dayOfMonth, int ordinal, DayOfWeek weekday, List<Integer> offsets) {
        return new EntryTiming(at, days, every, dayOfMonth, ordinal, weekday, offsets, NonWorkingDayRule.PREVIOUS_WORKING_DAY);
    }
}
