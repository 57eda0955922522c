package app.cadence.retro.service;

import app.cadence.retro.domain.RetroBoard;
import app.cadence.tenancy.service.MemberSummary;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything the board screen shows, read at once for the person looking.
 *
 * @param iFacilitate    the reader is the facilitator
 * @param iMayFacilitate the reader may move phases (the facilitator, or a project manager taking over)
 * @param iMayTakePart   not a viewer
 * @param timer          the discussion timer: running until {@code endsAt}, or paused with seconds left
 * @param now            the server's time when read, so the browser counts down from it and not from its own clock
 * @param actions        this session's actions
 * @param carriedOver    the open actions of the project's earlier retrospectives (and those this one settled)
 * @param members        whom an action can be given to and facilitation handed over to
 */
public record RetroScreen(Long sessionId, Long instanceId, String instanceName, Long projectId, String projectKey, String projectName,
                          String format, Long facilitatorId, String facilitatorName, boolean iFacilitate, boolean iMayFacilitate,
                          boolean iMayTakePart, RetroBoard board, Timer timer, Instant now, List<ActionRow> actions,
                          List<ActionRow> carriedOver, List<MemberSummary> members, long version) {

    public RetroScreen {
        actions = List.copyOf(actions);
        carriedOver = List.copyOf(carriedOver);
        members = List.copyOf(members);
    }

    public record Timer(boolean running, long secondsLeft, @Nullable Instant endsAt) {
    }
}
