package app.cadence.comms.service;

import app.cadence.comms.domain.DistributionListMemberRepository;
import app.cadence.comms.domain.StakeholderRepository;
import app.cadence.project.events.ProjectChanged;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A project's stakeholders go with it, and leave the organisation's distribution lists as they go:
 * followed in the project's own transaction (a plain listener, as the retro module's), so no list
 * names a stakeholder of a project that is gone. Both statements carry the tenant.
 */
@Component
class StakeholderLifecycle {

    private final StakeholderRepository stakeholders;
    private final DistributionListMemberRepository listed;

    StakeholderLifecycle(StakeholderRepository stakeholders, DistributionListMemberRepository listed) {
        this.stakeholders = stakeholders;
        this.listed = listed;
    }

    @EventListener
    void on(ProjectChanged change) {
        if (change.change() != ProjectChanged.Change.DELETED) {
            return;
        }
        List<Long> ids = stakeholders.idsOfProject(change.tenantId(), change.projectId());
        if (ids.isEmpty()) {
            return;
        }
        listed.deleteStakeholders(change.tenantId(), ids);
        stakeholders.deleteByProject(change.tenantId(), change.projectId());
    }
}
