package app.cadence.retro.service;

import app.cadence.retro.domain.ActionStatus;
import app.cadence.retro.domain.RetroAction;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** An action item as screens and exports show it. */
@org.springframework.modulith.NamedInterface("api")
public record ActionRow(Long id, Long sessionId, Long projectId, String title, Long ownerId, String ownerName, @Nullable LocalDate dueOn,
                        ActionStatus status, @Nullable String reason, boolean overdue, long version) {

    static ActionRow of(RetroAction action, LocalDate today) {
        return new ActionRow(Objects.requireNonNull(action.getId()), action.getSessionId(), action.getProjectId(), action.getTitle(),
                action.getOwnerId(), action.getOwnerName(), action.getDueOn(), action.getStatus(), action.getStatusReason(),
                action.isOverdue(today), action.getVersion());
    }
}
