package app.cadence.retro.service;

import app.cadence.shared.SpreadsheetText;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A retrospective's files, made when asked with the reader's rights: the summary (Markdown, PDF)
 * and a project's action items (CSV, for a tracker or a spreadsheet).
 */
@Service
@NamedInterface("api")
@Transactional(readOnly = true)
@RolesAllowed(RoleSets.MEMBERS)
public class RetroExports {

    private final RetroReading reading;
    private final RetroStore store;

    RetroExports(RetroReading reading, RetroStore store) {
        this.reading = reading;
        this.store = store;
    }

    public RetroSummary summary(Long sessionId) {
        return RetroSummary.of(reading.screen(sessionId), LocalDate.now(store.clock()));
    }

    public RetroFile markdown(Long sessionId) {
        RetroSummary summary = summary(sessionId);
        return new RetroFile(fileName(summary, "md"), RetroFile.MARKDOWN, summary.markdown().getBytes(StandardCharsets.UTF_8));
    }

    public RetroFile pdf(Long sessionId) {
        RetroSummary summary = summary(sessionId);
        return new RetroFile(fileName(summary, "pdf"), RetroFile.PDF, new RetroSummaryDocument(summary).write());
    }

    /** A project's action items, open first: one row each, with the retrospective it came from. */
    public RetroFile actionsCsv(Long projectId) {
        RetroReading.ProjectRetros retros = reading.ofProject(projectId);
        StringBuilder csv = new StringBuilder("Action,Owner,Due,Status,Reason,Retrospective\r\n");
        for (ActionRow action : retros.actions()) {
            String retro = retros.sessions().stream().filter(s -> s.sessionId().equals(action.sessionId())).map(RetroReading.SessionRow::name)
                    .findFirst().orElse("");
            csv.append(String.join(",", List.of(field(action.title()), field(action.ownerName()),
                    action.dueOn() == null ? "" : action.dueOn().toString(), action.status().label(), field(action.reason()), field(retro))))
                    .append("\r\n");
        }
        return new RetroFile("retro-actions-" + TenantContext.requireTenantId() + "-" + projectId + ".csv", RetroFile.CSV,
                ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8));
    }

    private static String field(@org.jspecify.annotations.Nullable String value) {
        String safe = SpreadsheetText.neutralise(value == null ? "" : value);
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private static String fileName(RetroSummary summary, String extension) {
        String base = (summary.projectKey() + " " + summary.title()).replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-+", "-");
        return "retro-" + base.toLowerCase(java.util.Locale.ROOT) + "." + extension;
    }
}
