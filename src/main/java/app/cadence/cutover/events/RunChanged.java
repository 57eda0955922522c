package app.cadence.cutover.events;

import app.cadence.live.LiveChange;
import app.cadence.live.LiveMessage;
import app.cadence.live.Topic;
import app.cadence.tenancy.service.ChangedBy;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A cutover run changed: created, started, paused, resumed, ended, rollback invoked, a step's
 * state, a vote, the roster. The run screen and the instance's list of runs follow it.
 *
 * @param runName    "Rehearsal 2", "Go-live"
 * @param change     what happened: RUN_STARTED, STEP_DONE, ROLLBACK_INVOKED …
 * @param stepKeys   the steps whose state changed, if any
 * @param readySteps the steps that became ready to start through this change, with the members
 *                   they now wait for (notifications)
 */
public record RunChanged(Long tenantId, Long runId, String runName, Long instanceId, Long projectId, String change, List<UUID> stepKeys,
                         List<ReadyStep> readySteps, ChangedBy changedBy, Instant at) implements LiveChange {

    public static final String SUBJECT = "run";

    /** A step that became ready, its title, whether it is a go/no-go checkpoint, and the members holding its owner role in the run's roster. */
    public record ReadyStep(UUID key, String title, boolean goNoGo, List<Long> owners) {
        public ReadyStep {
            owners = List.copyOf(owners);
        }
    }

    public RunChanged {
        stepKeys = List.copyOf(stepKeys);
        readySteps = List.copyOf(readySteps);
    }

    @Override
    public LiveMessage toLiveMessage() {
        Set<String> topics = new java.util.LinkedHashSet<>(List.of(Topic.run(runId), Topic.runsOf(instanceId)));
        // A step that became ready shows in its owners' My work.
        readySteps.forEach(step -> step.owners().forEach(owner -> topics.add(Topic.myWork(owner))));
        return new LiveMessage(tenantId, topics, SUBJECT, runId, Set.of(change), changedBy.userId(), changedBy.displayName(), at, null);
    }
}
