package app.cadence.cutover.service;

import app.cadence.cutover.domain.CheckOccurrence;
import app.cadence.cutover.domain.HypercareRecurrence;
import app.cadence.cutover.domain.RunSteps;
import app.cadence.cutover.domain.StepState;
import app.cadence.cutover.domain.StoredCheck;
import app.cadence.cutover.domain.StoredCheckRepository;
import app.cadence.cutover.domain.StoredRun;
import app.cadence.template.domain.RelativeTime;
import app.cadence.tenancy.service.TenantContext;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Expands a run's recurring hypercare checks into dated occurrences, once per check, the first
 * time its step is ready in a started run: when its predecessors finish (typically the go-live
 * milestone), or at the start of the run for a check without any.
 * <p>
 * The rule counts from the later of the step's slot on the run's clock (T0 + offset, whole days
 * as calendar days in the run's zone, moved by as much as the run started early or late) and the
 * moment it became ready: a go-live that runs a day late moves its checks a day too, and checks
 * planned for "the day after go-live" do not begin at the go-live moment. From there, "every N
 * hours" gives the first check N hours later and "daily at 09:00" the first 09:00 on or after it
 * ({@link HypercareRecurrence}, daylight-saving safe). Occurrences once stored do not move: they
 * are what people were told to do.
 */
@Component
class HypercareSchedule {

    private final StoredCheckRepository checks;

    HypercareSchedule(StoredCheckRepository checks) {
        this.checks = checks;
    }

    /** Expands the checks that are ready in {@code after} but were not in {@code before}. */
    void expandNewlyReady(RunStore.LoadedRun run, RunSteps before, RunSteps after, Instant now) {
        HypercarePlan plan = HypercarePlan.of(run.plan());
        for (UUID key : plan.checks().keySet()) {
            if (after.state(key) == StepState.READY && before.state(key) != StepState.READY) {
                expand(run, plan, key, now);
            }
        }
    }

    /** At the start of a run: expands the checks that are ready from the outset. */
    void expandReady(RunStore.LoadedRun run, Instant now) {
        HypercarePlan plan = HypercarePlan.of(run.plan());
        for (UUID key : plan.checks().keySet()) {
            if (run.steps().state(key) == StepState.READY) {
                expand(run, plan, key, now);
            }
        }
    }

    private void expand(RunStore.LoadedRun run, HypercarePlan plan, UUID key, Instant now) {
        StoredRun stored = run.stored();
        if (stored.run().actualT0() == null || checks.existsForStep(TenantContext.requireTenantId(), run.id(), key)) {
            return; // not started, or expanded before (a step taken back and ready again keeps its dates)
        }
        Instant from = slot(stored, plan.checks().get(key).step().offsetMinutes());
        if (now.isAfter(from)) {
            from = now;
        }
        List<ZonedDateTime> due = HypercareRecurrence.of(plan.rule(key)).occurrences(from, stored.zone());
        List<StoredCheck> rows = new ArrayList<>(due.size());
        for (int i = 0; i < due.size(); i++) {
            rows.add(new StoredCheck(run.id(), key, CheckOccurrence.open(i + 1, due.get(i).toInstant())));
        }
        checks.saveAll(rows);
    }

    /** The step's planned start on the run's clock: its planned start moved by actual T0 − planned T0. */
    static Instant slot(StoredRun run, int offsetMinutes) {
        ZoneId zone = run.zone();
        var t0 = run.run().t0(zone);
        return RelativeTime.at(t0.planned().atZone(zone), offsetMinutes).toInstant().plus(t0.shift());
    }
}
