package app.cadence.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.notify.service.DailyDigest;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.support.TestClock;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue C9's digest figure: the daily digest run for 10,000 people across 100 organisations, each
 * with three notices waiting for it (target: under 60 s, memory flat). What is timed is one run of
 * {@code DailyDigest.runDue()} — finding who is due, claiming each digest, listing the notices,
 * clearing their flags and queuing one sealed email per person in the outbox (sending by SMTP is
 * the outbox dispatcher's, not measured). Heap: used after a GC before and after the run, and the
 * highest used sampled every 20 ms during it. {@code bin/mvn test -Pbenchmark -Dtest=DigestBenchmark
 * [-Pmariadb]}; prints and writes target/benchmark-digest.txt. Asserts one digest each, not the time.
 */
@Tag("benchmark")
@IntegrationTest
class DigestBenchmark {

    private static final int TENANTS = Integer.getInteger("cadence.bench.digest.tenants", 100);
    private static final int USERS_PER_TENANT = Integer.getInteger("cadence.bench.digest.users", 100);
    private static final int NOTICES = 3;

    @Autowired Fixtures fixtures;
    @Autowired DailyDigest digest;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @Test
    void measure() throws Exception {
        ZonedDateTime now = clock.instant().atZone(ZoneOffset.UTC);
        ZonedDateTime nine = now.with(LocalTime.of(9, 0));
        clock.advance(Duration.between(now, nine.isAfter(now) ? nine : nine.plusDays(1)));
        LocalDateTime created = LocalDateTime.ofInstant(clock.instant().minus(Duration.ofHours(2)), ZoneOffset.UTC);

        long seedStart = System.nanoTime();
        String run = Fixtures.unique("digest");
        List<Long> tenantIds = new ArrayList<>();
        for (int t = 0; t < TENANTS; t++) {
            Tenant tenant = fixtures.tenant("Digest bench " + t);
            tenantIds.add(tenant.id());
            List<Object[]> accounts = new ArrayList<>();
            for (int u = 0; u < USERS_PER_TENANT; u++) {
                accounts.add(new Object[] {run + "-" + t + "-" + u + "@bench.example", "Reader " + t + "-" + u, created});
            }
            jdbc.batchUpdate("insert into user_account (email, display_name, password_hash, enabled, created_at, version) "
                    + "values (?, ?, '{noop}not-used', true, ?, 0)", accounts);
            List<Long> users = jdbc.queryForList("select id from user_account where email like ? order by id", Long.class, run + "-" + t + "-%");
            jdbc.batchUpdate("insert into membership (tenant_id, user_id, role, active, created_at, version) values (?, ?, 'CONTRIBUTOR', true, ?, 0)",
                    users.stream().map(id -> new Object[] {tenant.id(), id, created}).toList());
            List<Object[]> notices = new ArrayList<>();
            for (Long user : users) {
                for (int n = 0; n < NOTICES; n++) {
                    notices.add(new Object[] {tenant.id(), user, "ITEM_ASSIGNED", "Assigned to you: step " + n, "/my-work", created});
                }
            }
            jdbc.batchUpdate("insert into notification (tenant_id, recipient_id, kind, title, link, created_at, digest_pending) "
                    + "values (?, ?, ?, ?, ?, ?, true)", notices);
        }
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20); // sampling, not waiting for the system under test
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long start = System.nanoTime();
        DailyDigest.Run result = digest.runDue();
        long millis = (System.nanoTime() - start) / 1_000_000;
        running.set(false);
        sampler.join();
        System.gc();
        long after = memory.getHeapMemoryUsage().getUsed();

        String inList = String.join(",", tenantIds.stream().map(String::valueOf).toList());
        Integer queued = jdbc.queryForObject("select count(*) from outbox_message where tenant_id in (" + inList + ") and subject like '%daily digest%'",
                Integer.class);
        Integer claimed = jdbc.queryForObject("select count(*) from notification_digest where tenant_id in (" + inList + ")", Integer.class);
        String report = String.format(Locale.ROOT, """
                Daily digest benchmark (%s, load %s)
                  %d organisations × %d people, %d notices each; seeded in %.1f s
                  run: %d digests queued for %d organisations in %,d ms (target < 60,000 ms: %s)
                  heap used: before %d MB, after %d MB, peak during the run %d MB (max heap %d MB)
                """, System.getProperty("spring.profiles.active", "h2"), Figures.loadAverage(), TENANTS, USERS_PER_TENANT, NOTICES,
                seedSeconds, result.digests(), result.tenants(), millis, Figures.verdict(millis, 60_000),
                before >> 20, after >> 20, peak.get() >> 20, memory.getHeapMemoryUsage().getMax() >> 20);
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark-digest.txt"), report);

        assertThat(queued).isEqualTo(TENANTS * USERS_PER_TENANT);
        assertThat(claimed).isEqualTo(TENANTS * USERS_PER_TENANT);
    }
}
