package app.cadence.cutover.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.cutover.domain.RunKind;
import app.cadence.cutover.domain.RunState;
import app.cadence.cutover.domain.StepState;
import app.cadence.cutover.service.RunScreen;
import app.cadence.template.domain.SectionRole;
import app.cadence.template.domain.StepType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The run's timeline SVG: escaped text, a row per step, the T0 and now lines, and a 500-step runbook drawn fast. */
class RunTimelineTest {

    static final Instant T0 = Instant.parse("2026-06-13T22:00:00Z");

    static RunScreen.StepRow step(int position, String title, StepState state, int offsetMinutes, SectionRole role) {
        Instant start = T0.plus(Duration.ofMinutes(offsetMinutes));
        Instant finish = start.plus(Duration.ofMinutes(30));
        Instant actualStart = state == StepState.IN_PROGRESS || state == StepState.DONE ? start.plusSeconds(300) : null;
        Instant actualFinish = state == StepState.DONE ? finish.plusSeconds(600) : null;
        return new RunScreen.StepRow(UUID.randomUUID(), position - 1, "Section", role, title, null, StepType.TASK, "DBA", List.of("Ada"), state,
                start, finish, actualStart != null ? actualStart : start, actualFinish != null ? actualFinish : finish, actualStart, actualFinish,
                null, null, Duration.ZERO, position % 2 == 0, false, false, null, null, null, null, List.of(), 30, false, false);
    }

    static RunScreen screen(List<RunScreen.StepRow> steps, Instant now) {
        RunScreen.Header header = new RunScreen.Header(1L, "Go-live", RunKind.LIVE, RunState.RUNNING, 2L, "Runbook", 3L, "ERP-01", "ERP",
                T0, T0, T0, T0.minus(Duration.ofHours(3)), T0.plus(Duration.ofHours(3)), T0.plus(Duration.ofHours(3)), Duration.ZERO,
                ZoneOffset.UTC, 4L, "Ada", null, null, null, null, null, 0, steps.size(), now);
        return new RunScreen(header, steps, List.of(), List.of(), List.of(), new RunScreen.You(4L, true, true));
    }

    @Test
    void everyTitleIsEscapedAndEachStepHasARow() {
        String svg = RunTimeline.svg(screen(List.of(
                step(1, "<script>alert('x')</script> & \"quotes\"", StepState.DONE, -120, SectionRole.EXECUTION),
                step(2, "Switch DNS", StepState.IN_PROGRESS, 0, SectionRole.EXECUTION),
                step(3, "Restore", StepState.WAITING, 60, SectionRole.ROLLBACK)), T0.plusSeconds(600)));

        assertThat(svg).startsWith("<svg").endsWith("</svg>")
                .doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;")
                .contains(">T0<", ">now<", "T\u22122h", "#2 Switch DNS");
        assertThat(RunTimeline.svg(screen(List.of(step(1, "Early", StepState.DONE, -600, SectionRole.EXECUTION)), T0), Duration.ofHours(1)))
                .as("zoomed to an hour either side: the step ten hours before is outside").contains("#1 Early</text></g>");
        assertThat(svg.split("<g>", -1)).hasSize(4);
    }

    @Test
    void aFiveHundredStepRunbookIsOneTallPictureDrawnQuickly() {
        List<RunScreen.StepRow> steps = new ArrayList<>();
        for (int i = 1; i <= 500; i++) {
            steps.add(step(i, "Step " + i, i < 200 ? StepState.DONE : i == 200 ? StepState.IN_PROGRESS : StepState.WAITING, i * 5 - 1000,
                    SectionRole.EXECUTION));
        }
        RunScreen screen = screen(steps, T0);
        long started = System.nanoTime();
        String svg = RunTimeline.svg(screen);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(svg).contains("height=\"" + (RunTimeline.TOP + 500 * RunTimeline.ROW + 8) + "\"", "#500 Step 500");
        assertThat(svg.length()).as("bytes sent to the browser").isLessThan(500 * 600);
        assertThat(millis).as("milliseconds to draw").isLessThan(500);
    }
}
