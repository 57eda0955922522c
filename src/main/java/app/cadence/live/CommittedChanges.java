package app.cadence.live;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Forwards domain events to open screens once their transaction has committed: a change that
 * rolled back is never announced. It runs on the thread that committed, so it can tell which
 * screen made the change ({@link LiveScreens#currentOrigin()}) and spare that screen a notice.
 */
@Component
class CommittedChanges {

    private final LiveUpdates live;

    CommittedChanges(LiveUpdates live) {
        this.live = live;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(LiveChange change) {
        live.publish(change.toLiveMessage().withOrigin(LiveScreens.currentOrigin()));
    }
}
