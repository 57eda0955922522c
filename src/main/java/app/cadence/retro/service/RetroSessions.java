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
        return facilitateFor(sessionId, "move the retrospective on", "PHASE", session -> session.advance(store.now()));
    }

    public void revealCards(Long sessionId) {
        facilitate(sessionId, "reveal the cards", "REVEAL", session -> session.revealCards(store.now()));
    }

    public void revealRatings(Long sessionId) {
        facilitate(sessionId, "reveal the ratings", "REVEAL", session -> session.revealRatings(store.now()));
    }

    public void makeAnonymous(Long sessionId, boolean anonymous) {
        facilitate(sessionId, "change whether cards are anonymous", "SETTINGS", session -> session.makeAnonymous(anonymous, store.now()));
    }

    /** Hands facilitation to another member who may take part. */
    public void handOver(Long sessionId, Long userId) {
        facilitate(sessionId, "hand over facilitation", "FACILITATOR", session -> {
            MemberSummary member = members.activeMembers(Set.of(userId)).stream().findFirst()
                    .orElseThrow(() -> new RetroRuleException("facilitator", "Choose an active member of the organisation."));
            if (member.role() == app.cadence.tenancy.domain.Role.VIEWER) {
                throw new RetroRuleException("facilitator", member.displayName() + " is a viewer and cannot facilitate.");
            }
            session.handOverTo(userId, store.now());
        });
    }

    public void discuss(Long sessionId, Long groupId) {
        facilitate(sessionId, "choose the topic under discussion", "TOPIC", session -> {
            store.requireGroupOf(session, groupId);
            session.discuss(groupId, store.now());
        });
    }

    public void startTimer(Long sessionId, int minutes) {
        facilitate(sessionId, "run the timer", "TIMER", session -> session.startTimer(Duration.ofMinutes(minutes), store.now()));
    }

    public void pauseTimer(Long sessionId) {
        facilitate(sessionId, "run the timer", "TIMER", session -> session.pauseTimer(store.now()));
    }

    public void resumeTimer(Long sessionId) {
        facilitate(sessionId, "run the timer", "TIMER", session -> session.resumeTimer(store.now()));
    }

    public void stopTimer(Long sessionId) {
        facilitate(sessionId, "run the timer", "TIMER", RetroSession::stopTimer);
    }

    /** Every facilitator's change: lock the session, check who asks, change it, tell every board. */
    private void facilitate(Long sessionId, String what, String change, java.util.function.Consumer<RetroSession> action) {
        facilitateFor(sessionId, what, change, session -> {
            action.accept(session);
            return null;
        });
    }

    private <T> T facilitateFor(Long sessionId, String what, String change, java.util.function.Function<RetroSession, T> action) {
        RetroSession session = store.lock(sessionId);
        RetroStore.requireMayFacilitate(session, what);
        T result = action.apply(session);
        store.announce(session, change, Set.of());
        return result;
    }
}
