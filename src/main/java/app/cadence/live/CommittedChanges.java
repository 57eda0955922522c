package app.cadence.live;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Forwards domain events to open screens once their transaction has committed: a change that
 * rolled back is never announced. It runs on the thread that committed, so it can tell which
 * screen made the change ({@link LiveScreens#currentOrigin()}) and spare that screen a notice.
 *
 * <p>Deliberately not a {@code @TransactionalEventListener}: Spring Modulith's publication
 * registry records every such listener's events, which cost each change a row written in its
 * transaction and two more transactions after the commit — opened while the committing
 * transaction still held its connection. Twenty people adding retrospective cards at once then
 * held all ten connections of the pool, each waiting for an eleventh, and every request stalled
 * until the pool's timeout. A live message is a hint to re-read, worth nothing after a restart
 * (the screens it was for are gone), so it needs no registry: it goes out in an after-commit
 * callback of the change's own transaction.
 */
@Component
class CommittedChanges {

    private final LiveUpdates live;

    CommittedChanges(LiveUpdates live) {
        this.live = live;
    }

    @EventListener
    void on(LiveChange change) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            // Published outside a transaction: nothing can roll it back, announce it now.
            publish(change);
            return;
        }
        String origin = LiveScreens.currentOrigin();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                live.publish(change.toLiveMessage().withOrigin(origin));
            }
        });
    }

    private void publish(LiveChange change) {
        live.publish(change.toLiveMessage().withOrigin(LiveScreens.currentOrigin()));
    }
}
