package app.cadence.cutover.service;

import app.cadence.cutover.domain.StoredRun;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantContext;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what in a run. A VIEWER watches. The run lead and the members who manage projects
 * (ADMIN, PMO, PM) run it: create, start, pause, hand over, invoke rollback, and work any step as
 * the operator at the console. Other members work the steps of the roles they hold in the run's
 * roster. Only a decision's approvers vote (checked by the decision itself).
 */
final class RunAccess {

    private RunAccess() {
    }

    static Role myRole() {
        return TenantContext.currentSelection().orElseThrow(() -> new AccessDeniedException("Select an organisation first.")).role();
    }

    static boolean leads(StoredRun run) {
        return run.getLeadUserId().equals(RunStore.me().accountId()) && myRole() != Role.VIEWER;
    }

    static boolean mayRun(StoredRun run) {
        return myRole().managesProjects() || leads(run);
    }

    static void requireMayRun(StoredRun run, String what) {
        if (!mayRun(run)) {
            throw new AccessDeniedException("Only the run lead or a project manager can " + what + ".");
        }
    }

    static boolean mayWork(RunStore.LoadedRun run, UUID stepKey) {
        if (mayRun(run.stored())) {
            return true;
        }
        if (myRole() == Role.VIEWER) {
            return false;
        }
        String role = run.plan().ownerRole(stepKey);
        return role != null && run.holders(role).contains(RunStore.me().accountId());
    }

    static void requireMayWork(RunStore.LoadedRun run, UUID stepKey) {
        if (!mayWork(run, stepKey)) {
            String role = run.plan().ownerRole(stepKey);
            throw new AccessDeniedException(role == null
                    ? "Only the run lead or a project manager can work this step."
                    : "This step is for the " + role + " of this run; ask the run lead to add you to the roster.");
        }
    }
}
