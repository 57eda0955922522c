package app.cadence.project.events;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/** Who made a change: the account (none for the system) and the name people know them by. */
public record ChangedBy(@Nullable Long userId, String displayName) implements Serializable {
}
