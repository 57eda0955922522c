package app.cadence.cutover.service;

import app.cadence.cutover.domain.CutoverRun;
import app.cadence.cutover.domain.StoredRun;
import app.cadence.cutover.domain.StoredRunRepository;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.work.service.UpgradeBlockers;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A runbook with a run under way (running or paused) is not upgraded to a newer template version
 * until the run ends: the run follows the plan it started with, and the people on it would see
 * the runbook change under them mid-cutover.
 */
@Component
class RunsHoldUpgrades implements UpgradeBlockers {

    private final StoredRunRepository runs;

    RunsHoldUpgrades(StoredRunRepository runs) {
        this.runs = runs;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, String> blocking(Collection<Long> instanceIds) {
        Map<Long, String> blocked = new HashMap<>();
        if (instanceIds.isEmpty()) {
            return blocked;
        }
        for (StoredRun stored : runs.findUnderWay(TenantContext.requireTenantId(), instanceIds)) {
            CutoverRun run = stored.run();
            blocked.putIfAbsent(stored.getInstanceId(), run.name() + " of this runbook is " + run.state().label().toLowerCase()
                    + "; upgrade it once the run has ended.");
        }
        return blocked;
    }
}
