package app.cadence.benchmark;

import app.cadence.lessons.domain.Lesson;
import app.cadence.lessons.domain.LessonCategory;
import app.cadence.lessons.service.LessonFilter;
import app.cadence.lessons.service.Lessons;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.support.SampleTemplates;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue C8's /lessons figure: the library's first page over 10,000 lessons in one organisation
 * (and 2,000 in another, which must not count). What is timed is the server's work for one grid
 * request — {@code Lessons.firstPage}: the first 50 rows and the total (a count only when the page is full), through the
 * secured, transactional services in-process (no HTTP, no rendering) — for a plain listing, a
 * full-text search, a tag, a category with a date range, a template and a combination. Median
 * and p95 of {@value #DEFAULT_RUNS} runs after a warm-up; asserts nothing about time.
 * {@code bin/mvn test -Pbenchmark -Dtest=LessonsBenchmark [-Pmariadb]}; prints and writes
 * target/benchmark-lessons.txt.
 */
@Tag("benchmark")
@IntegrationTest
class LessonsBenchmark {

    private static final int LESSONS = Integer.getInteger("cadence.bench.lessons", 10_000);
    private static final int DEFAULT_RUNS = 30;
    private static final int RUNS = Integer.getInteger("cadence.bench.runs", DEFAULT_RUNS);
    private static final String[] WORDS = ("data load cutover rehearsal vendor interface scope sponsor budget testing training "
            + "freeze rollback hypercare service desk environment licence sign-off migration reconciliation steering "
            + "communication stakeholder resourcing dependency schedule quality defect").split(" ");

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired Lessons lessons;
    @Autowired JdbcTemplate jdbc;
    @Autowired EntityManagerFactory entityManagerFactory;
    @Autowired Clock clock;

    @Test
    void measure() throws Exception {
        Tenant tenant = fixtures.tenant("Lessons bench");
        Member pmo = fixtures.member(tenant, Role.PMO);
        Long runbook = fixtures.publishedTemplate(pmo, "ERP runbook", SampleTemplates.runbook());
        Long project = fixtures.project(pmo, "ERP-01", "ERP migration");
        Tenant other = fixtures.tenant("Lessons bench other");
        Member otherPmo = fixtures.member(other, Role.PMO);
        long seedStart = System.nanoTime();
        seed(tenant.id(), pmo, runbook, project, LESSONS, new Random(42));
        seed(other.id(), otherPmo, null, null, LESSONS / 5, new Random(7));
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Map<String, LessonFilter> cases = new LinkedHashMap<>();
        cases.put("no filter (latest first)", LessonFilter.none());
        cases.put("search \"reconciliation\"", LessonFilter.none().search("reconciliation"));
        cases.put("search \"L4242\" (one lesson)", LessonFilter.none().search("L4242"));
        cases.put("search \"no such words\" (empty)", LessonFilter.none().search("no such words"));
        cases.put("tag \"vendor\"", LessonFilter.none().tag("vendor"));
        cases.put("category + last 90 days", LessonFilter.none().category(LessonCategory.CUTOVER).between(today.minusDays(90), today));
        cases.put("template", LessonFilter.none().template(runbook));
        cases.put("search + tag + project", LessonFilter.none().search("load").tag("rehearsal").project(project));

        List<String> report = new ArrayList<>();
        report.add(String.format(Locale.ROOT, "/lessons over %,d lessons (+%,d in another organisation), seeded in %.1f s; "
                + "server time of the list's first request (Lessons.firstPage: the first 50 rows and the total, "
                + "a count statement only when the page is full; in-process, through the secured services, no HTTP or rendering; "
                + "statements = all Hibernate counted in the call), %d runs:", LESSONS, LESSONS / 5,
                seedSeconds, RUNS));
        for (Map.Entry<String, LessonFilter> c : cases.entrySet()) {
            LessonFilter filter = c.getValue();
            Sort sort = Sort.by(Sort.Direction.DESC, "recordedAt");
            long[] found = new long[1];
            // What the list's first request calls: the first page with the total (the count is a
            // second statement only when the page is full).
            Runnable request = () -> scope.run(pmo.userId(), tenant.id(), () -> found[0] = lessons.firstPage(filter, sort, 50).total());
            for (int i = 0; i < 5; i++) {
                request.run();
            }
            double[] times = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                request.run();
                times[i] = (System.nanoTime() - start) / 1e6;
            }
            long statements = statements(request);
            Arrays.sort(times);
            report.add(String.format(Locale.ROOT, "  %-36s %,6d found  median %6.1f ms  p95 %6.1f ms  %d SQL statements", c.getKey(), found[0], times[RUNS / 2], times[(int) Math.ceil(RUNS * 0.95) - 1], statements));
        }
        report.add("Target: < 150 ms server time (issue C8).");
        report.forEach(System.out::println);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "benchmark-lessons.txt"), report);
    }

    private long statements(Runnable request) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        request.run();
        long count = statistics.getPrepareStatementCount();
        statistics.setStatisticsEnabled(false);
        return count;
    }

    /** Lessons written straight into the table in batches (the service would take minutes for 10,000). */
    private void seed(Long tenantId, Member by, Long template, Long project, int count, Random random) {
        LessonCategory[] categories = LessonCategory.values();
        Instant now = clock.instant();
        List<Object[]> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String title = sentence(random, 4 + random.nextInt(5)) + " (L" + i + ")";
            String tags = "," + WORDS[random.nextInt(WORDS.length)] + "," + WORDS[random.nextInt(WORDS.length)] + ",";
            boolean withTemplate = template != null && random.nextInt(4) == 0;
            String what = sentence(random, 40 + random.nextInt(60));
            String recommendation = sentence(random, 25 + random.nextInt(30));
            batch.add(new Object[] {tenantId, title, what, sentence(random, 15),
                    recommendation, categories[random.nextInt(categories.length)].name(), tags,
                    Lesson.searchText(title, what, recommendation, tags),
                    withTemplate ? template : null, withTemplate ? "ERP runbook" : null, withTemplate ? "CUTOVER" : null,
                    project != null && random.nextInt(3) == 0 ? project : null, project == null ? null : "ERP-01 · ERP migration",
                    "MANUAL", "Entered on the lessons page", by.userId(), by.name(),
                    Timestamp.from(now.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 730))))});
            if (batch.size() == 1_000 || i == count - 1) {
                jdbc.batchUpdate("""
                        insert into lesson (tenant_id, title, what_happened, impact, recommendation, category, tags, search_text, template_id,
                            template_name, template_kind, project_id, project_label, source_kind, source_label, recorded_by_id,
                            recorded_by_name, recorded_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", batch);
                batch.clear();
            }
        }
    }

    private static String sentence(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }
}
