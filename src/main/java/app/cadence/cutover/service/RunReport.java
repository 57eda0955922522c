package app.cadence.cutover.service;

import app.cadence.cutover.domain.RunKind;
import app.cadence.tenancy.domain.RoleSets;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The run report as PDF: the evidence pack of a rehearsal or the go-live that a PM hands to the
 * change board (what is in it: {@link RunReportDocument}). Every member may download it, a viewer
 * included; another organisation's run is not found.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed(RoleSets.MEMBERS)
public class RunReport {

    private final RunRecords records;
    private final HypercareChecks hypercare;
    private final Clock clock;

    RunReport(RunRecords records, HypercareChecks hypercare, Clock clock) {
        this.records = records;
        this.hypercare = hypercare;
        this.clock = clock;
    }

    public RunFile pdf(Long runId) {
        RunRecord run = records.read(runId, true);
        byte[] bytes = new RunReportDocument(run, hypercare.occurrences(runId), clock.instant()).write();
        return new RunFile(RunbookSpreadsheet.fileName(run.header(), "run-report.pdf"), RunFile.PDF, bytes);
    }

    /** "Rehearsal" or "Go-live", as people call the kinds of run. */
    public static String kindLabel(RunKind kind) {
        return kind == RunKind.LIVE ? "Go-live" : "Rehearsal";
    }
}
