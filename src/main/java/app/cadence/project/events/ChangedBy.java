package app.cadence.project.events;

import app.cadence.tenancy.service.TenantContext;
import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/** Who made a change: the account (none for the system) and the name people know them by. */
public record ChangedBy(@Nullable Long userId, String displayName) implements Serializable {

    /** Whoever is acting in this request or scope; Cadence itself when nobody is signed in. */
    public static ChangedBy current() {
        return TenantContext.currentUser().map(u -> new ChangedBy(u.userId(), u.displayName()))
                .orElse(new ChangedBy(null, TenantContext.currentUserName()));
    }
}
