package app.cadence.retro.service;

import app.cadence.project.events.ProjectChanged;
import app.cadence.retro.domain.RetroActionRepository;
import app.cadence.retro.domain.RetroCardRepository;
import app.cadence.retro.domain.RetroGroupRepository;
import app.cadence.retro.domain.RetroRatingRepository;
import app.cadence.retro.domain.RetroRuleException;
import app.cadence.retro.domain.RetroSession;
import app.cadence.retro.domain.RetroSessionRepository;
import app.cadence.retro.domain.RetroVoteRepository;
import app.cadence.template.domain.TemplateKind;
import app.cadence.tenancy.service.MemberSummary;
import app.cadence.tenancy.service.MembershipDirectory;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.work.service.InstanceHeaders;
import app.cadence.work.service.InstanceHeaders.InstanceHeader;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sessions follow their instances: applying a retrospective opens its session (facilitated by
 * whoever applied it), and removing the instance or its project removes the session with its
 * cards, votes, ratings and actions, in the same transaction.
 */
@Component
class RetroLifecycle {

    private final RetroStore store;
    private final RetroSessionRepository sessions;
    private final RetroCardRepository cards;
    private final RetroGroupRepository groups;
    private final RetroVoteRepository votes;
    private final RetroRatingRepository ratings;
    private final RetroActionRepository actions;
    private final InstanceHeaders instances;
    private final MembershipDirectory members;

    RetroLifecycle(RetroStore store, RetroSessionRepository sessions, RetroCardRepository cards, RetroGroupRepository groups,
                   RetroVoteRepository votes, RetroRatingRepository ratings, RetroActionRepository actions, InstanceHeaders instances,
                   MembershipDirectory members) {
        this.store = store;
        this.sessions = sessions;
        this.cards = cards;
        this.groups = groups;
        this.votes = votes;
        this.ratings = ratings;
        this.actions = actions;
        this.instances = instances;
        this.members = members;
    }

    @EventListener
    void on(ProjectChanged change) {
        Long tenantId = change.tenantId();
        switch (change.change()) {
            case INSTANCE_APPLIED -> {
                InstanceHeader instance = instances.header(Objects.requireNonNull(change.instanceId()));
                if (instance.kind() == TemplateKind.RETROSPECTIVE) {
                    create(instance, change.changedBy().userId());
                }
            }
            case INSTANCE_REMOVED -> remove(tenantId, sessions.idsOfInstance(tenantId, Objects.requireNonNull(change.instanceId())));
            case DELETED -> remove(tenantId, sessions.idsOfProject(tenantId, change.projectId()));
            default -> {
            }
        }
    }

    Long create(InstanceHeader instance, @Nullable Long facilitatorId) {
        Long facilitator = facilitatorId != null ? facilitatorId : someProjectManager();
        RetroPlan plan = store.planOfVersion(instance.templateVersionId());
        RetroSession session = sessions.saveAndFlush(new RetroSession(instance.id(), instance.projectId(), instance.templateVersionId(),
                facilitator, plan.voteBudget(), plan.anonymousByDefault(), store.now(), TenantContext.currentUserName()));
        store.announce(session, "OPENED", Set.of());
        return Objects.requireNonNull(session.getId());
    }

    /** Who facilitates a session Cadence opened by itself (nobody signed in): a project manager of the organisation. */
    private Long someProjectManager() {
        return members.activeMembers().stream().filter(m -> m.role().managesProjects()).map(MemberSummary::userId).findFirst()
                .orElseThrow(() -> new RetroRuleException("The organisation has no project manager to facilitate the retrospective."));
    }

    private void remove(Long tenantId, List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        actions.deleteBySessions(tenantId, ids);
        votes.deleteBySessions(tenantId, ids);
        ratings.deleteBySessions(tenantId, ids);
        cards.deleteBySessions(tenantId, ids);
        groups.deleteBySessions(tenantId, ids);
        sessions.deleteSessions(tenantId, ids);
    }
}
