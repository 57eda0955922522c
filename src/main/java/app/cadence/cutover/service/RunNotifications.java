package app.cadence.cutover.service;

import app.cadence.cutover.domain.StoredDecisionRepository;
import app.cadence.cutover.domain.StoredVote;
import app.cadence.cutover.events.RunChanged;
import app.cadence.notify.domain.NotificationKind;
import app.cadence.notify.service.NotificationRequest;
import app.cadence.notify.service.Notifications;
import app.cadence.tenancy.service.TenantContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells people what a change to a run asks of them, in the change's own transaction (a notice
 * never announces a change that did not happen): the owners of a step that became ready; the
 * approvers of a go/no-go checkpoint that became ready; everyone on the run when rollback is
 * invoked. Nobody is told of their own action.
 */
@Component
class RunNotifications {

    private final RunStore store;
    private final StoredDecisionRepository decisions;
    private final Notifications notifications;

    RunNotifications(RunStore store, StoredDecisionRepository decisions, Notifications notifications) {
        this.store = store;
        this.decisions = decisions;
        this.notifications = notifications;
    }

    @EventListener
    void on(RunChanged change) {
        String link = "/runs/" + change.runId();
        Long actor = change.changedBy().userId();
        // Everything a ready step needs is in the event: a tick of a step reads nothing more here.
        for (RunChanged.ReadyStep ready : change.readySteps()) {
            Set<Long> owners = without(ready.owners(), actor);
            if (!owners.isEmpty()) {
                notifications.send(NotificationRequest.to(owners, NotificationKind.STEP_READY, "Your step is ready: " + ready.title())
                        .withBody(change.runName()).withLink(link));
            }
            if (ready.goNoGo()) {
                Set<Long> approvers = without(approversOf(change.runId(), ready.key()), actor);
                if (!approvers.isEmpty()) {
                    notifications.send(NotificationRequest.to(approvers, NotificationKind.VOTE_AWAITED, "Your go/no-go vote is awaited: " + ready.title())
                            .withBody(change.runName()).withLink(link));
                }
            }
        }
        if ("ROLLBACK_INVOKED".equals(change.change())) {
            RunStore.LoadedRun run = store.read(change.runId());
            Set<Long> everyone = new LinkedHashSet<>();
            run.roster().forEach(a -> everyone.add(a.getUserId()));
            everyone.add(run.stored().getLeadUserId());
            Set<Long> told = without(List.copyOf(everyone), actor);
            if (!told.isEmpty()) {
                String why = run.steps().rollback() == null ? null : run.steps().rollback().reason();
                notifications.send(NotificationRequest.to(told, NotificationKind.ROLLBACK_INVOKED, "Rollback invoked in " + change.runName())
                        .withBody(change.changedBy().displayName() + (why == null ? "" : ": " + why)).withLink(link));
            }
        }
    }

    private List<Long> approversOf(Long runId, java.util.UUID stepKey) {
        Long tenantId = TenantContext.requireTenantId();
        return decisions.findByStep(tenantId, runId, stepKey)
                .map(d -> decisions.votesOf(tenantId, List.of(Objects.requireNonNull(d.getId()))).stream()
                        .map(StoredVote::approver).map(a -> a.accountId()).toList())
                .orElse(List.of());
    }

    private static Set<Long> without(List<Long> people, Long actor) {
        Set<Long> set = new LinkedHashSet<>(people);
        if (actor != null) {
            set.remove(actor);
        }
        return set;
    }
}
