package app.cadence.cutover.service;

import app.cadence.cutover.domain.Actor;
import app.cadence.cutover.domain.DecisionCondition;
import app.cadence.cutover.domain.Logged;
import app.cadence.cutover.domain.StoredCondition;
import app.cadence.cutover.domain.StoredConditionRepository;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Following up the conditions of a run's go/no-go decisions ({@link DecisionCondition}): a
 * condition is named by its checkpoint and the approver who set it, and is marked met or
 * reopened by whoever runs the run or by that approver, until the run ends. Every change is in
 * the run's log and announced to the run's screens.
 */
@Service
@NamedInterface("api")
@Transactional
@RolesAllowed(RoleSets.MEMBERS)
public class DecisionConditions {

    private final RunStore store;
    private final GoNoGoVoting voting;
    private final StoredConditionRepository conditions;

    DecisionConditions(RunStore store, GoNoGoVoting voting, StoredConditionRepository conditions) {
        this.store = store;
        this.voting = voting;
        this.conditions = conditions;
    }

    /** Marks the condition {@code approverId} set on the checkpoint met, with an optional note. */
    public void markMet(Long runId, UUID stepKey, Long approverId, @Nullable String note) {
        change(runId, stepKey, approverId, "CONDITION_MET", (condition, me, runsTheRun) -> condition.markMet(me, runsTheRun, store.now(), note));
    }

    /** Reopens a condition marked met, with the reason it no longer is. */
    public void reopen(Long runId, UUID stepKey, Long approverId, @Nullable String reason) {
        change(runId, stepKey, approverId, "CONDITION_REOPENED",
                (condition, me, runsTheRun) -> condition.reopen(me, runsTheRun, store.now(), reason));
    }

    private interface ConditionChange {
        Logged<DecisionCondition> apply(DecisionCondition condition, Actor me, boolean runsTheRun);
    }

    private void change(Long runId, UUID stepKey, Long approverId, String change, ConditionChange action) {
        RunStore.LoadedRun run = store.lock(runId);
        if (RunAccess.myRole() == Role.VIEWER) {
            throw new AccessDeniedException("A viewer follows the run; the run lead, a project manager or the approver who set a condition follows it up.");
        }
        GoNoGoVoting.Current current = run.plan().runbook().contains(stepKey) ? voting.current(run, stepKey) : null;
        DecisionCondition asSet = current == null ? null : DecisionCondition.of(current.decision()).stream()
                .filter(c -> c.approver().accountId() == approverId).findFirst().orElse(null);
        if (current == null || asSet == null) {
            throw new RecordNotFoundException("Condition", stepKey + " of approver " + approverId);
        }
        run.stored().run().checkConditionsCanChange();
        Long decisionId = Objects.requireNonNull(current.stored().getId());
        Optional<StoredCondition> row = conditions.findOne(TenantContext.requireTenantId(), run.id(), decisionId, approverId);
        DecisionCondition condition = row.map(r -> r.applyTo(asSet)).orElse(asSet);
        Logged<DecisionCondition> next = action.apply(condition, RunStore.me(), RunAccess.mayRun(run.stored()));
        row.ifPresentOrElse(r -> r.store(next.value()), () -> conditions.save(new StoredCondition(run.id(), decisionId, next.value())));
        store.log(run.id(), next.entries());
        store.announce(run.stored(), change, List.of(stepKey), List.of());
    }
}
