package app.cadence.live;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A committed change, as open screens learn of it: small and serialisable, so that a broker
 * (Redis pub/sub) can carry it between nodes. It says which tenant and topics it concerns, what
 * changed (e.g. {@code item} 42, fields {@code STATUS}), who changed it and when — never the
 * data itself: a screen reloads what it shows through its services, with the viewer's rights.
 *
 * @param origin the screen (UI) the change was made from, if any: that screen already shows it
 */
public record LiveMessage(Long tenantId, Set<String> topics, String subject, Long subjectId, Set<String> changed,
                          @Nullable Long changedById, String changedByName, Instant at, @Nullable String origin) implements Serializable {

    public LiveMessage {
        topics = Set.copyOf(topics);
        changed = Set.copyOf(changed);
    }

    public LiveMessage withOrigin(@Nullable String from) {
        return new LiveMessage(tenantId, topics, subject, subjectId, changed, changedById, changedByName, at, from);
    }

    boolean concerns(Channel channel) {
        return tenantId.equals(channel.tenantId()) && topics.contains(channel.topic());
    }
}
