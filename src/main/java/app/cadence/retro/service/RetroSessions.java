package app.cadence.retro.service;

import app.cadence.retro.domain.RetroPhase;
import app.cadence.retro.domain.RetroRuleException;
import app.cadence.retro.domain.RetroSession;
import app.cadence.retro.domain.RetroSessionRepository;
import app.cadence.template.domain.TemplateKind;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.MemberSummary;
import app.cadence.tenancy.service.MembershipDirectory;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.work.service.InstanceHeaders;
import app.cadence.work.service.InstanceHeaders.InstanceHeader;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A session's life, in the facilitator's hands: opening it for a retrospective instance (done when
 * the template is applied), moving the phases, revealing cards and ratings, anonymity, the topic
 * under discussion and its timer, and handing over facilitation.
 */
@Service
@NamedInterface("api")
@Transactional(isolation = Isolation.READ_COMMITTED)
@RolesAllowed(RoleSets.MEMBERS)
public class RetroSessions {

    private final RetroStore store;
    private final RetroSessionRepository sessions;
    private final InstanceHeaders instances;
    private final MembershipDirectory members;
    private final RetroLifecycle lifecycle;

    RetroSessions(RetroStore store, RetroSessionRepository sessions, InstanceHeaders instances, MembershipDirectory members,
                  RetroLifecycle lifecycle) {
        this.lifecycle = lifecycle;
        this.store = store;
        this.sessions = sessions;
        this.instances = instances;
        this.members = members;
    }

    /** The session of a retrospective instance, if it has one. */
    @Transactional(readOnly = true)
    public Optional<Long> sessionOf(Long instanceId) {
        return sessions.findByInstance(TenantContext.requireTenantId(), instanceId).map(RetroSession::getId);
    }

    /**
     * The instance's session, opened now if the instance was applied before sessions existed:
     * facilitated by the project manager who opens it.
     */
    @RolesAllowed(RoleSets.PROJECT_MANAGERS)
    public Long open(Long instanceId) {
        Optional<Long> existing = sessionOf(instanceId);
        if (existing.isPresent()) {
            return existing.get();
        }
        InstanceHeader instance = instances.header(instanceId);
        if (instance.kind() != TemplateKind.RETROSPECTIVE) {
            throw new RetroRuleException("Only a retrospective has a session board; “" + instance.name() + "” is a "
                    + instance.kind().label().toLowerCase() + ".");
        }
        return lifecycle.create(instance, RetroStore.me().userId());
    }

    /** Moves the session on to its next phase, for everyone. */
    public RetroPhase advance(Long sessionId) {
        RetroSession session = store.lock(sessionId);
        RetroStore.requireMayFacilitate(session, "move the retrospective on");
        RetroPhase phase = session.advance(store.now());
        store.announce(session, "PHASE", Set.of());
        return phase;
    }

    public void revealCards(Long sessionId) {
        RetroSession session = store.lock(sessionId);
        RetroStore.requireMayFacilitate(session, "reveal the cards");
        session.revealCards(store.now());
        store.announce(session, "REVEAL", Set.of());
    }

    public void revealRatings(Long sessionId) {
        RetroSession session = store.lock(sessionId);
        RetroStore.requireMayFacilitate(session, "reveal the ratings");
        session.revealRatings(store.now());
        store.announce(session, "REVEAL", Set.of());
    }

    public void makeAnonymous(Long sessionId, boolean anonymous) {
        RetroSession session = store.lock(sessionId);
        RetroStore.requireMayFacilitate(session, "change whether cards are anonymous");
        session.makeAnonymous(anonymous, store.now());
        store.announce(session, "SETTINGS", Set.of());
    }

    /** Hands facilitation to another member who may take part. */
    public void handOver(Long sessionId, Long userId) {
        RetroSession session = store.lock(sessionId);
        RetroStore.requireMayFacilitate(session, "hand over facilitation");
        MemberSummary member = members.activeMembers(Set.of(userId)).stream().findFirst()
                .orElseThrow(() -> new RetroRuleException("facilitator", "Choose an active member of the organisation."));
        if (member.role() == app.cadence.tenancy.domain.Role.VIEWER) {
            throw new RetroRuleException("facilitator", member.displayName() + " is a viewer and cannot facilitate.");
        }
        session.handOverTo(userId, store.now());
        store.announce(session, "FACILITATOR", Set.of());
    }

    public void discuss(Long sessionId, Long groupId) {
        RetroSession session = store.lock(sessionId);
        RetroStore.requireMayFacilitate(session, "choose the topic under discussion");
        store.requireGroupOf(session, groupId);
        session.discuss(groupId, store.now());
        store.announce(session, "TOPIC", Set.of());
    }

    public void startTimer(Long sessionId, int minutes) {
        RetroSession session = store.lock(sessionId);
        RetroStore.requireMayFacilitate(session, "run the timer");
        session.startTimer(Duration.ofMinutes(minutes), store.now());
        store.announce(session, "TIMER", Set.of());
    }

    public void pauseTimer(Long sessionId) {
        RetroSession session = store.lock(sessionId);
        RetroStore.requireMayFacilitate(session, "run the timer");
        session.pauseTimer(store.now());
        store.announce(session, "TIMER", Set.of());
    }

    public void resumeTimer(Long sessionId) {
        RetroSession session = store.lock(sessionId);
        RetroStore.requireMayFacilitate(session, "run the timer");
        session.resumeTimer(store.now());
        store.announce(session, "TIMER", Set.of());
    }

    public void stopTimer(Long sessionId) {
        RetroSession session = store.lock(sessionId);
        RetroStore.requireMayFacilitate(session, "run the timer");
        session.stopTimer();
        store.announce(session, "TIMER", Set.of());
    }
}
