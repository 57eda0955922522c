package app.cadence.cutover.service;

import app.cadence.tenancy.domain.RoleSets;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a run for its exports: everything the run screen reads, the planned offsets, and — for
 * the report — the whole log. Every member may read it, a viewer included: the report is what a
 * change board is handed. Another organisation's run is not found.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed(RoleSets.MEMBERS)
public class RunRecords {

    /** More log lines than any run writes; the report shows the whole log. */
    static final int WHOLE_LOG = 1_000_000;

    private final RunStore store;
    private final RunReading reading;

    RunRecords(RunStore store, RunReading reading) {
        this.store = store;
        this.reading = reading;
    }

    /** The run with its runbook; the log only when {@code wholeLog}, oldest line first. */
    public RunRecord read(Long runId, boolean wholeLog) {
        RunPlan plan = store.plan(store.find(runId)); // not found in this organisation: RecordNotFoundException
        RunScreen screen = reading.screen(runId, wholeLog ? WHOLE_LOG : 1);
        List<RunScreen.LogLine> log = new ArrayList<>(wholeLog ? screen.log() : List.of());
        java.util.Collections.reverse(log);
        Map<UUID, Integer> offsets = new HashMap<>();
        plan.steps().forEach((key, info) -> offsets.put(key, info.step().offsetMinutes()));
        return new RunRecord(new RunScreen(screen.header(), screen.steps(), screen.decisions(), screen.roster(), List.copyOf(log),
                screen.you()), offsets);
    }
}
