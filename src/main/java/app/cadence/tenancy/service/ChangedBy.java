package app.cadence.tenancy.service;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/** Who made a change: the account (none for the system) and the name people know them by. Carried by every module's events. */
@NamedInterface("api")
public record ChangedBy(@Nullable Long userId, String displayName) implements Serializable {

    /** Whoever is acting in this request or scope; Cadence itself when nobody is signed in. */
    public static ChangedBy current() {
        return TenantContext.currentUser().map(u -> new ChangedBy(u.userId(), u.displayName()))
                .orElse(new ChangedBy(null, TenantContext.currentUserName()));
    }
}
