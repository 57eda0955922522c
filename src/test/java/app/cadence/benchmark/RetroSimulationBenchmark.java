package app.cadence.benchmark;

import static app.cadence.benchmark.Figures.loadAverage;
import static app.cadence.benchmark.Figures.percentile;
import static app.cadence.benchmark.Figures.percentiles;
import static app.cadence.benchmark.Figures.verdict;
import static app.cadence.support.flow.StateTree.shown;
import static app.cadence.support.flow.StateTree.tag;
import static app.cadence.support.flow.StateTree.text;
import static app.cadence.support.flow.StateTree.withClass;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.support.NodeProcess;
import app.cadence.support.ScratchDatabase;
import app.cadence.support.flow.FlowClient;
import app.cadence.support.flow.FlowUi;
import app.cadence.support.flow.StateNode;
import app.cadence.support.flow.StateTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue C8's "20 participants add 200 cards in 60 s and vote", through the real HTTP protocol:
 * the production jar on a scratch MariaDB database, real sign-in through the login form, one
 * Tomcat session per person, Flow's protocol over HTTP and push over WebSockets
 * ({@link FlowClient}), no browser.
 *
 * <p><b>Set-up (not measured).</b> The node seeds the demo, whose ERP-01 sprint retrospective is
 * in its Reflect phase. P contributor accounts go straight into the database
 * ({@code retro01@acme.example} …, the demo password's hash). The PM (facilitator) opens the board
 * and reveals the cards, so that every card reaches every board as it is written — the most work
 * for the node.
 *
 * <p><b>Reflect (measured).</b> Each person has {@code retros/{id}} open with push and writes
 * {@code cadence.retrosim.cards} cards (10) at random moments over {@code cadence.retrosim.seconds}
 * (60): the card's text goes to the server as the browser sends it (the text area's value, then
 * the Add card click; each timed as a round trip). <b>Vote (measured).</b> The PM moves on to
 * Group and to Vote; each person puts the budget's dots (3) on random topics, one click each.
 *
 * <p><b>End.</b> After the reflect phase every board must show every card the database holds;
 * after voting the PM moves on to Discuss, and every board must show the same topics with the
 * same vote totals as the database. Prints {@code [retro-sim]} lines, writes them to
 * {@code target/benchmark-retro-sim.txt}. The p95 target (&lt; 300 ms per action) is reported,
 * not asserted; identical boards and a clean log are asserted. Run with
 * {@code bin/mvn test -Pretro-sim} after {@code bin/mvn -Pproduction -DskipTests package}; needs
 * MariaDB (user {@code cadence_test}).
 */
@Tag("retro-sim")
class RetroSimulationBenchmark {

    private static final int PEOPLE = Integer.getInteger("cadence.retrosim.people", 20);
    private static final int CARDS_EACH = Integer.getInteger("cadence.retrosim.cards", 10);
    private static final int SECONDS = Integer.getInteger("cadence.retrosim.seconds", 60);
    private static final Path LOGS = Path.of("target", "retro-sim");
    private static final String DATABASE = "cadence_test_retrosim";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(20);
    private static final String PASSWORD = "cadence-demo";
    private static final String PM = "pm@acme.example";
    private static final List<String> COLUMNS = List.of("Start", "Stop", "Continue");

    private final List<String> report = new ArrayList<>();
    private ScratchDatabase database;

    private record Timed(String action, long totalNanos, long wireNanos) {
    }

    @Test
    void twentyParticipantsWriteTwoHundredCardsAndVote() throws Exception {
        assertThat(NodeProcess.JAR).as("the production jar: build it first with bin/mvn -Pproduction -DskipTests package").isRegularFile();
        Files.createDirectories(LOGS);
        database = ScratchDatabase.create(DATABASE);
        try (NodeProcess node = NodeProcess.on(database, LOGS, "retro-sim").demoData(true).start()) {
            node.awaitReady(START_TIMEOUT);
            say("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version") + "; "
                    + PEOPLE + " people, " + CARDS_EACH + " cards each over " + SECONDS + " s; node pid " + node.pid());
            long sessionId = seed();
            FlowClient pmBrowser = new FlowClient(node.uri());
            pmBrowser.signIn(PM, PASSWORD);
            FlowUi pm = pmBrowser.open("retros/" + sessionId).openPush();
            pm.click(pm.await("Reveal all cards", t -> button(t, "Reveal all cards")));

            List<FlowUi> people = new ArrayList<>();
            long opening = System.nanoTime();
            for (int p = 1; p <= PEOPLE; p++) {
                FlowClient browser = new FlowClient(node.uri());
                browser.signIn("retro" + two(p) + "@acme.example", PASSWORD);
                FlowUi ui = browser.open("retros/" + sessionId).openPush();
                ui.await("the board's columns", t -> t.find(withClass("retro-column")));
                people.add(ui);
            }
            say(PEOPLE + " people signed in with retros/" + sessionId + " open and push connected in "
                    + Duration.ofNanos(System.nanoTime() - opening).toSeconds() + " s");
            try {
                List<Timed> timings = new CopyOnWriteArrayList<>();
                long reflecting = System.nanoTime();
                runEach(people, (ui, p) -> writeCards(ui, p, timings));
                say(String.format(Locale.ROOT, "reflect: %d cards written in %.1f s", timings.stream().filter(t -> t.action().equals("Add card")).count(),
                        (System.nanoTime() - reflecting) / 1e9));
                List<String> cardsInDb = strings("select text from retro_card where session_id = " + sessionId);
                settle("every board shows the " + cardsInDb.size() + " cards the database holds", people,
                        ui -> ui.read(t -> sorted(t.findAll(withClass("retro-card-text")).stream().map(StateNode::text).toList())),
                        sorted(cardsInDb));

                pm.click(pm.await("Next: Group", t -> button(t, "Next: Group")));
                pm.await("the Group phase on the facilitator's board", t -> t.find(withClass("retro-group-name")));
                pm.click(pm.await("Next: Vote", t -> button(t, "Next: Vote")));
                pm.await("the Vote phase on the facilitator's board", t -> t.find(withClass("retro-votes-left")));
                runEach(people, (ui, p) -> vote(ui, timings));
                pm.click(pm.await("Next: Discuss", t -> button(t, "Next: Discuss")));
                pm.await("the Discuss phase on the facilitator's board", t -> t.find(withClass("retro-topic-row")));
                Map<String, Integer> votesInDb = votes(sessionId);
                settle("every board shows the same " + votesInDb.size() + " topics with the database's vote totals", people,
                        ui -> ui.read(RetroSimulationBenchmark::shownVotes), votesInDb);
                report(timings);
            } finally {
                people.forEach(FlowUi::close);
                pm.close();
            }
            String log = Files.readString(node.log());
            assertThat(log).as("the node's log " + node.log()).doesNotContain(" ERROR ");
        } finally {
            Files.write(Path.of("target", "benchmark-retro-sim.txt"), report);
            database.close();
        }
    }

    // --- set-up ------------------------------------------------------------------------------

    /** The participants' accounts, straight into the database; answers the ERP-01 retrospective's session. */
    private long seed() throws SQLException {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        try (Connection c = database.connect()) {
            long acme = single(c, "select id from tenant where slug = 'acme'");
            for (int p = 1; p <= PEOPLE; p++) {
                try (PreparedStatement account = c.prepareStatement("insert into user_account (email, display_name, password_hash, enabled, created_at, version)"
                        + " select ?, ?, password_hash, true, ?, 0 from user_account where email = 'dev@acme.example'", Statement.RETURN_GENERATED_KEYS)) {
                    account.setString(1, "retro" + two(p) + "@acme.example");
                    account.setString(2, "Participant " + two(p));
                    account.setObject(3, now);
                    assertThat(account.executeUpdate()).isEqualTo(1);
                    try (ResultSet keys = account.getGeneratedKeys()) {
                        assertThat(keys.next()).isTrue();
                        try (PreparedStatement member = c.prepareStatement(
                                "insert into membership (tenant_id, user_id, role, active, created_at, version) values (?, ?, 'CONTRIBUTOR', true, ?, 0)")) {
                            member.setLong(1, acme);
                            member.setLong(2, keys.getLong(1));
                            member.setObject(3, now);
                            assertThat(member.executeUpdate()).isEqualTo(1);
                        }
                    }
                }
            }
            return single(c, "select s.id from retro_session s join project_instance i on i.id = s.instance_id"
                    + " where i.name = 'Sprint 12 retrospective'");
        }
    }

    // --- the participants ----------------------------------------------------------------------

    private interface Work {
        void run(FlowUi ui, int person) throws Exception;
    }

    private static void runEach(List<FlowUi> people, Work work) throws InterruptedException {
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            FlowUi ui = people.get(i);
            int person = i + 1;
            threads.add(Thread.ofPlatform().name("participant-" + person).start(() -> {
                try {
                    work.run(ui, person);
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failures).as("participants whose work failed").isEmpty();
    }

    /** Ten cards at random moments over the minute: sorted random offsets, slept between. */
    private static void writeCards(FlowUi ui, int person, List<Timed> timings) throws InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<Long> moments = new ArrayList<>();
        for (int i = 0; i < CARDS_EACH; i++) {
            moments.add(random.nextLong(SECONDS * 1000L));
        }
        Collections.sort(moments);
        long began = System.currentTimeMillis();
        for (int i = 0; i < CARDS_EACH; i++) {
            long wait = began + moments.get(i) - System.currentTimeMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
            String column = COLUMNS.get(random.nextInt(COLUMNS.size()));
            String text = "Card " + (i + 1) + " of participant " + two(person) + " on " + column;
            StateNode field = ui.read(t -> newCardField(t, column));
            long start = System.nanoTime();
            ui.setProperty(field, "value", text);
            long typed = System.nanoTime();
            timings.add(new Timed("Card text sent", typed - start, FlowUi.lastRoundTripNanos()));
            StateNode add = ui.read(t -> addButton(t, column));
            ui.click(add);
            long end = System.nanoTime();
            timings.add(new Timed("Add card", end - typed, FlowUi.lastRoundTripNanos()));
            timings.add(new Timed("Card, text and click", end - start, 0));
            ui.await("the card on the writer's own board", t -> t.find(withClass("retro-card-text").and(text(text))));
        }
    }

    /** The budget's dots, one click each, on random topics. */
    private static void vote(FlowUi ui, List<Timed> timings) throws InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        ui.await("the Vote phase", t -> t.find(withClass("retro-votes-left")));
        for (int dot = 0; dot < 3; dot++) {
            Thread.sleep(random.nextInt(500, 3000));
            List<StateNode> plus = ui.read(t -> t.findAll(tag("vaadin-button").and(n -> {
                String label = n.attribute("aria-label");
                return label != null && label.startsWith("Put a dot on ");
            })));
            StateNode target = plus.get(random.nextInt(plus.size()));
            long start = System.nanoTime();
            ui.click(target);
            timings.add(new Timed("Vote", System.nanoTime() - start, FlowUi.lastRoundTripNanos()));
        }
    }

    private static StateNode newCardField(StateTree tree, String column) {
        return tree.find(tag("vaadin-text-area").and(n -> ("Add a card to “" + column + "”").equals(n.property("placeholder"))))
                .orElseThrow(() -> new AssertionError("no field for " + column));
    }

    /** The Add card button beside a column's field: in the same box. */
    private static StateNode addButton(StateTree tree, String column) {
        StateNode field = newCardField(tree, column);
        return tree.findAll(withClass("retro-new-card-box")).stream().filter(box -> box.children().contains(field))
                .flatMap(box -> box.children().stream()).filter(n -> "vaadin-button".equals(n.tag())).findFirst()
                .orElseThrow(() -> new AssertionError("no Add card for " + column));
    }

    // --- the end --------------------------------------------------------------------------------

    private static Map<String, Integer> shownVotes(StateTree tree) {
        Map<String, Integer> shown = new TreeMap<>();
        for (StateNode row : tree.findAll(withClass("retro-topic-row"))) {
            List<StateNode> parts = row.children();
            if (parts.size() >= 2) {
                shown.merge(parts.get(1).text(), Integer.parseInt(parts.get(0).text().trim()), Integer::sum);
            }
        }
        return shown;
    }

    /** Topic title (a lone card's text: nobody named groups here) → total dots, as the database has them. */
    private Map<String, Integer> votes(long sessionId) throws SQLException {
        Map<String, Integer> votes = new TreeMap<>();
        try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "select min(c.text), coalesce((select sum(v.dots) from retro_vote v where v.group_id = g.id), 0)"
                        + " from retro_group g join retro_card c on c.group_id = g.id where g.session_id = " + sessionId + " group by g.id")) {
            while (r.next()) {
                String title = r.getString(1);
                votes.merge(title.length() <= 80 ? title : title.substring(0, 79) + "…", r.getInt(2), Integer::sum);
            }
        }
        return votes;
    }

    private <T> void settle(String what, List<FlowUi> people, java.util.function.Function<FlowUi, T> shown, T expected) throws InterruptedException {
        long settling = System.nanoTime();
        long deadline = settling + SETTLE_TIMEOUT.toNanos();
        List<Integer> differing = differing(people, shown, expected);
        while (!differing.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            differing = differing(people, shown, expected);
        }
        say(what + ": " + (differing.isEmpty() ? "yes, settled " + Duration.ofNanos(System.nanoTime() - settling).toMillis() + " ms after the last action"
                : "NO — participants " + differing + " differ after " + SETTLE_TIMEOUT.toSeconds() + " s; participant " + differing.getFirst()
                + " shows " + describe(shown.apply(people.get(differing.getFirst() - 1))) + ", the database has " + describe(expected)));
        assertThat(differing).as("boards that differ from the database: " + what).isEmpty();
    }

    /** A short account of what a board shows: how many entries, and the first few. */
    private static String describe(Object shown) {
        if (shown instanceof Map<?, ?> map) {
            return map.size() + " topics, " + map.values().stream().mapToInt(v -> (Integer) v).sum() + " dots, first "
                    + map.entrySet().stream().limit(3).toList();
        }
        if (shown instanceof List<?> list) {
            return list.size() + " entries, first " + list.stream().limit(3).toList();
        }
        return String.valueOf(shown);
    }

    private static <T> List<Integer> differing(List<FlowUi> people, java.util.function.Function<FlowUi, T> shown, T expected) {
        List<Integer> differing = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            if (!expected.equals(shown.apply(people.get(i)))) {
                differing.add(i + 1);
            }
        }
        return differing;
    }

    private void report(List<Timed> timings) {
        for (String action : List.of("Card text sent", "Add card", "Card, text and click", "Vote")) {
            List<Long> total = timings.stream().filter(t -> t.action().equals(action)).map(t -> t.totalNanos() / 1_000_000).toList();
            List<Long> wire = timings.stream().filter(t -> t.action().equals(action) && t.wireNanos() > 0).map(t -> t.wireNanos() / 1_000_000).toList();
            if (total.isEmpty()) {
                continue;
            }
            say(String.format(Locale.ROOT, "%-20s %4d: action to answer applied %s%s; target p95 < 300 ms: %s", action, total.size(),
                    percentiles(total), wire.isEmpty() ? "" : "; the request's own round trip " + percentiles(wire),
                    verdict(percentile(total, 0.95), 300)));
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    private static Optional<StateNode> button(StateTree tree, String label) {
        return tree.find(tag("vaadin-button").and(text(label)).and(shown()));
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return values;
    }

    private static List<String> sorted(List<String> values) {
        List<String> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }

    private static String two(int n) {
        return String.format(Locale.ROOT, "%02d", n);
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            assertThat(r.next()).as(sql).isTrue();
            return r.getLong(1);
        }
    }




    private void say(String text) {
        String line = "[retro-sim] " + text + " — load " + loadAverage();
        System.out.println(line);
        report.add(line);
    }

}
