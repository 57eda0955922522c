package app.cadence.shared.ui;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.router.BeforeLeaveEvent;

/** Asks before leaving a page whose changes are not saved, so that nothing is lost silently. */
public final class UnsavedChanges {

    private UnsavedChanges() {
    }

    /** Holds the navigation and lets the user choose; {@code what} names the thing edited, e.g. "this project". */
    public static void confirmLeaving(BeforeLeaveEvent event, String what) {
        BeforeLeaveEvent.ContinueNavigationAction action = event.postpone();
        ConfirmDialog dialog = new ConfirmDialog("Discard unsaved changes?",
                "You have changed " + what + " without saving. Leave and lose those changes?",
                "Discard changes", e -> action.proceed());
        dialog.setCancelable(true);
        dialog.setCancelText("Keep editing");
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }
}
