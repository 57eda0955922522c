package app.cadence.retro.service;

import app.cadence.retro.domain.ActionStatus;
import app.cadence.retro.domain.RetroAction;
import app.cadence.retro.domain.RetroActionRepository;
import app.cadence.retro.domain.RetroPhase;
import app.cadence.retro.domain.RetroRuleException;
import app.cadence.retro.domain.RetroSession;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.MemberSummary;
import app.cadence.tenancy.service.MembershipDirectory;
import app.cadence.tenancy.service.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Action items: agreed in a session (from a topic or free) from the Discuss phase on, followed in
 * their owner's My work and on the project page, and settled — done, still open, or dropped with a
 * reason — by their owner at any time, or by the team when the next retrospective reviews them.
 */
@Service
@NamedInterface("api")
@Transactional(isolation = Isolation.READ_COMMITTED)
@RolesAllowed(RoleSets.MEMBERS)
public class RetroActions {

    private final RetroStore store;
    private final RetroActionRepository actions;
    private final MembershipDirectory members;

    RetroActions(RetroStore store, RetroActionRepository actions, MembershipDirectory members) {
        this.store = store;
        this.actions = actions;
        this.members = members;
    }

    /** Agrees an action in a session, from one of its topics or free. Returns its id. */
    public Long add(Long sessionId, @Nullable Long groupId, String title, Long ownerId, @Nullable LocalDate dueOn) {
        RetroStore.requireMayTakePart();
        RetroSession session = store.lock(sessionId);
        session.requireOpen();
        if (session.getPhase().isBefore(RetroPhase.DISCUSS)) {
            throw new RetroRuleException("Actions are agreed from the Discuss phase on; the retrospective is in " + session.getPhase().label() + ".");
        }
        if (groupId != null) {
            store.requireGroupOf(session, groupId);
        }
        MemberSummary owner = owner(ownerId);
        RetroAction action = actions.save(new RetroAction(session, groupId, title, owner.userId(), owner.displayName(), dueOn, store.now(),
                TenantContext.currentUserName()));
        store.announce(session, "ACTION_ADDED", Set.of(owner.userId()));
        return Objects.requireNonNull(action.getId());
    }

    /** Changes what, who or when; owners before and after hear of it in My work. */
    public void edit(Long actionId, long expectedVersion, String title, Long ownerId, @Nullable LocalDate dueOn) {
        RetroAction action = mayChange(actionId, expectedVersion);
        Set<Long> owners = new HashSet<>(Set.of(action.getOwnerId()));
        MemberSummary owner = owner(ownerId);
        action.edit(title, owner.userId(), owner.displayName(), dueOn);
        owners.add(owner.userId());
        store.announce(store.find(action.getSessionId()), "ACTION_EDITED", owners);
    }

    /**
     * Settles an action: done, dropped (with a reason) or still open. {@code reviewedIn} is the
     * retrospective reviewing it, when the team settles it at the next session.
     */
    public void settle(Long actionId, long expectedVersion, ActionStatus status, @Nullable String reason, @Nullable Long reviewedIn) {
        RetroAction action = mayChange(actionId, expectedVersion);
        if (reviewedIn != null) {
            RetroSession reviewing = store.find(reviewedIn);
            if (!reviewing.getProjectId().equals(action.getProjectId()) || reviewing.getId().equals(action.getSessionId())) {
                throw new RetroRuleException("An action is reviewed by a later retrospective of its own project.");
            }
            reviewing.requireOpen();
        }
        action.settle(status, reason, reviewedIn, store.now());
        RetroSession session = store.find(action.getSessionId());
        store.announce(session, "ACTION_SETTLED", Set.of(action.getOwnerId()));
        if (reviewedIn != null) {
            store.announce(store.find(reviewedIn), "ACTION_SETTLED", Set.of());
        }
    }

    /** The owner, or any participant other than a viewer: the team reviews actions together. */
    private RetroAction mayChange(Long actionId, long expectedVersion) {
        RetroAction action = actions.findInTenant(actionId, TenantContext.requireTenantId())
                .orElseThrow(() -> new RecordNotFoundException("Action", actionId));
        boolean owner = action.getOwnerId().equals(RetroStore.me().userId());
        if (!owner && RetroStore.myRole() == Role.VIEWER) {
            throw new AccessDeniedException("Viewers cannot change action items.");
        }
        if (action.getVersion() != expectedVersion) {
            throw new org.springframework.orm.ObjectOptimisticLockingFailureException(RetroAction.class, actionId);
        }
        return action;
    }

    private MemberSummary owner(Long userId) {
        return members.activeMembers(Set.of(userId)).stream().findFirst()
                .orElseThrow(() -> new RetroRuleException("owner", "Choose an active member of the organisation as the owner."));
    }
}
