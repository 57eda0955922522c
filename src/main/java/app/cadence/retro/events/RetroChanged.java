package app.cadence.retro.events;

import app.cadence.live.LiveChange;
import app.cadence.live.LiveMessage;
import app.cadence.live.Topic;
import app.cadence.tenancy.service.ChangedBy;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A retrospective session changed: a card, a group, a vote, a rating, the phase, the timer, an
 * action. Boards of the session follow it; a change to actions also concerns the project's page
 * and the My work of the actions' owners.
 *
 * @param change         what happened: CARD_ADDED, PHASE, VOTE, ACTION …
 * @param actionOwners   owners whose My work changed (an action given, moved or settled)
 */
public record RetroChanged(Long tenantId, Long sessionId, Long projectId, String change, Set<Long> actionOwners, ChangedBy changedBy,
                           Instant at) implements LiveChange {

    public static final String SUBJECT = "retro";

    public RetroChanged {
        actionOwners = Set.copyOf(actionOwners);
    }

    @Override
    public LiveMessage toLiveMessage() {
        Set<String> topics = new LinkedHashSet<>();
        topics.add(Topic.retro(sessionId));
        if (!actionOwners.isEmpty() || change.startsWith("ACTION") || change.equals("RATING") || change.equals("PHASE")) {
            topics.add(Topic.retrosOf(projectId));
        }
        if (change.startsWith("ACTION")) {
            // An action is an item of the project's health: its page and the portfolio follow it.
            topics.add(Topic.project(projectId));
            topics.add(Topic.PORTFOLIO);
        }
        actionOwners.forEach(owner -> topics.add(Topic.myWork(owner)));
        return new LiveMessage(tenantId, topics, SUBJECT, sessionId, Set.of(change), changedBy.userId(), changedBy.displayName(), at, null);
    }
}
