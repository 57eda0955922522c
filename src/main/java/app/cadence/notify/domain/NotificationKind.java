package app.cadence.notify.domain;

import org.springframework.modulith.NamedInterface;

/**
 * What a notification is about. Stored by name (up to 40 characters), so kinds can be added;
 * C9 lets each person choose per kind how they hear of it.
 */
@NamedInterface("api")
public enum NotificationKind {
    ITEM_ASSIGNED("Item assigned to you"),
    DUE_TOMORROW("Due tomorrow"),
    OVERDUE("Overdue"),
    BLOCKED_ON_YOUR_PROJECT("Blocked on your project"),
    COMMUNICATION_DUE("Communication due"),
    STATUS_REPORT_DUE("Status report due"),
    STEP_READY("Step ready"),
    VOTE_AWAITED("Vote awaited"),
    ROLLBACK_INVOKED("Rollback invoked"),
    STEP_LATE("Step late"),
    TEMPLATE_UPGRADE_AVAILABLE("Template upgrade available"),
    INSTANCE_UPGRADED("Instance upgraded to a newer template version"),
    TEMPLATE_PROPOSAL_DECIDED("Template proposal decided"),
    GENERIC("Notice");

    private final String label;

    NotificationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
