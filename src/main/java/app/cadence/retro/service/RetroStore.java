package app.cadence.retro.service;

import app.cadence.retro.domain.RetroGroup;
import app.cadence.retro.domain.RetroGroupRepository;
import app.cadence.retro.domain.RetroSession;
import app.cadence.retro.domain.RetroSessionRepository;
import app.cadence.retro.events.RetroChanged;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.CadenceUser;
import app.cadence.tenancy.service.ChangedBy;
import app.cadence.tenancy.service.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * What the session services share: finding and locking a session, who may do what in it, and
 * announcing a change. Package-private: the services are the API.
 *
 * <p>Who may do what: a VIEWER watches. Every other member of the organisation takes part — rates,
 * writes cards, groups, votes, writes notes and actions. The facilitator (and ADMIN, PMO or PM, who
 * may take over) moves the phases, reveals, runs the timer and hands over.
 */
@Component
class RetroStore {

    /** How a change made in an anonymous session is announced: live messages travel between nodes and must not name an author. */
    static final ChangedBy A_PARTICIPANT = new ChangedBy(null, "A participant");

    private final RetroSessionRepository sessions;
    private final RetroPlans plans;
    private final RetroGroupRepository groups;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RetroStore(RetroSessionRepository sessions, RetroPlans plans, RetroGroupRepository groups, ApplicationEventPublisher events, Clock clock) {
        this.sessions = sessions;
        this.groups = groups;
        this.plans = plans;
        this.events = events;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    Clock clock() {
        return clock;
    }

    RetroPlan plan(RetroSession session) {
        return plans.of(session.getTemplateVersionId());
    }

    RetroPlan planOfVersion(Long templateVersionId) {
        return plans.of(templateVersionId);
    }

    /** A group of this session; another session's (or tenant's) is not found. */
    RetroGroup requireGroupOf(RetroSession session, Long groupId) {
        return groups.findInTenant(groupId, TenantContext.requireTenantId()).filter(g -> g.getSessionId().equals(session.getId()))
                .orElseThrow(() -> new RecordNotFoundException("Topic", groupId));
    }

    RetroSession find(Long sessionId) {
        return sessions.findInTenant(sessionId, TenantContext.requireTenantId())
                .orElseThrow(() -> new RecordNotFoundException("Retrospective", sessionId));
    }

    /** The session locked for a change until the transaction ends. */
    RetroSession lock(Long sessionId) {
        return sessions.lockInTenant(sessionId, TenantContext.requireTenantId())
                .orElseThrow(() -> new RecordNotFoundException("Retrospective", sessionId));
    }

    static CadenceUser me() {
        return TenantContext.currentUser().orElseThrow(() -> new AccessDeniedException("Sign in to take part in a retrospective."));
    }

    static Role myRole() {
        return TenantContext.currentSelection().orElseThrow(() -> new AccessDeniedException("Select an organisation first.")).role();
    }

    static boolean mayTakePart() {
        return myRole() != Role.VIEWER;
    }

    static void requireMayTakePart() {
        if (!mayTakePart()) {
            throw new AccessDeniedException("Viewers watch a retrospective; ask an administrator for a contributor role to take part.");
        }
    }

    static boolean facilitates(RetroSession session) {
        return session.getFacilitatorId().equals(me().userId()) && mayTakePart();
    }

    static boolean mayFacilitate(RetroSession session) {
        return facilitates(session) || myRole().managesProjects();
    }

    static void requireMayFacilitate(RetroSession session, String what) {
        if (!mayFacilitate(session)) {
            throw new AccessDeniedException("Only the facilitator can " + what + ".");
        }
    }

    void announce(RetroSession session, String change, Set<Long> actionOwners) {
        announce(session, change, actionOwners, ChangedBy.current());
    }

    /** For a change that could tell who wrote or voted what: announced without a name when the session is anonymous (votes and ratings always). */
    void announceAnonymously(RetroSession session, String change) {
        announce(session, change, Set.of(), A_PARTICIPANT);
    }

    private void announce(RetroSession session, String change, Set<Long> actionOwners, ChangedBy by) {
        session.touch(now());
        events.publishEvent(new RetroChanged(TenantContext.requireTenantId(), Objects.requireNonNull(session.getId()), session.getProjectId(),
                change, actionOwners, by, now()));
    }
}
