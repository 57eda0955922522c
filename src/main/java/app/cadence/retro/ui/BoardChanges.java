package app.cadence.retro.ui;

import app.cadence.shared.ui.UserMessages;
import java.io.Serializable;

/**
 * How the board's controls change it: run the service call, tell the person what went wrong if it
 * was refused, and read the board again either way (a screen does not hear its own changes).
 */
final class BoardChanges implements Serializable {

    @FunctionalInterface
    interface Change extends Serializable {
        void run();
    }

    private final Runnable reread;

    BoardChanges(Runnable reread) {
        this.reread = reread;
    }

    boolean attempt(Change change) {
        try {
            change.run();
            return true;
        } catch (RuntimeException e) {
            UserMessages.showError(e);
            return false;
        } finally {
            reread.run();
        }
    }
}
