package app.cadence.work.service;

import app.cadence.project.domain.HealthFacts;
import app.cadence.project.events.ProjectChanged;
import app.cadence.project.service.ProjectWorkFacts;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.events.TenantCreated;
import app.cadence.work.domain.InstanceItemRepository;
import app.cadence.work.domain.InstanceRepository;
import app.cadence.work.domain.InstanceUpgradeRepository;
import app.cadence.work.domain.ProjectRollups;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work module's side of a project: the facts the project's health is computed from, and the
 * work that lives and dies with the project. Project creation and deletion are followed here in
 * the project's own transaction (a plain, synchronous listener), because the roll-up and the
 * items must be consistent with the project at every commit.
 */
@Component
class WorkOnProjects implements ProjectWorkFacts {

    private final InstanceRepository instances;
    private final InstanceItemRepository items;
    private final ProjectRollups rollups;
    private final Clock clock;

    private final InstanceUpgradeRepository upgrades;
    private final UpgradeSnapshots snapshots;

    WorkOnProjects(InstanceRepository instances, InstanceItemRepository items, ProjectRollups rollups, Clock clock,
                   InstanceUpgradeRepository upgrades, UpgradeSnapshots snapshots) {
        this.upgrades = upgrades;
        this.snapshots = snapshots;
        this.instances = instances;
        this.items = items;
        this.rollups = rollups;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    @RolesAllowed(RoleSets.MEMBERS)
    public HealthFacts healthFacts(Long projectId, Instant now) {
        Long tenantId = TenantContext.requireTenantId();
        Object[] row = items.healthCounts(tenantId, projectId, now).getFirst();
        long blockedCritical = number(row[4]);
        String first = blockedCritical == 0 ? null
                : items.blockedOnCriticalPath(tenantId, projectId, PageRequest.of(0, 1)).stream().findFirst().orElse(null);
        return new HealthFacts(number(row[0]), number(row[1]), number(row[2]), number(row[3]), blockedCritical, first, number(row[5]));
    }

    @Override
    @Transactional(readOnly = true)
    @RolesAllowed(RoleSets.MEMBERS)
    public int appliedTemplates(Long projectId) {
        return instances.findProgress(TenantContext.requireTenantId(), projectId, clock.instant()).size();
    }

    /** A new organisation gets the row its portfolio's time-dependent counts start from, in the transaction that opens it. */
    @EventListener
    void on(TenantCreated created) {
        rollups.startTenant(created.tenantId());
    }

    /** A new project starts with an empty roll-up row; a deleted one takes its instances, items and roll-up with it. */
    @EventListener
    void on(ProjectChanged change) {
        switch (change.change()) {
            case CREATED -> rollups.create(change.tenantId(), change.projectId());
            case DELETED -> {
                rollups.delete(change.tenantId(), change.projectId());
                snapshots.forgetProject(change.tenantId(), change.projectId());
                upgrades.deleteByProject(change.tenantId(), change.projectId());
                items.deleteByProject(change.tenantId(), change.projectId());
                instances.deleteByProject(change.tenantId(), change.projectId());
            }
            default -> {
                // Details, health and instances change nothing the work module keeps.
            }
        }
    }

    private static long number(@Nullable Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
