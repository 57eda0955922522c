package app.cadence.live;

/**
 * A domain event that open screens should follow. Modules' events implement it; after the
 * transaction that made the change commits, {@code CommittedChanges} hands the message to
 * {@link LiveUpdates}. Nothing is sent for a change that rolled back.
 */
public interface LiveChange {

    LiveMessage toLiveMessage();
}
