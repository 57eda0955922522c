package app.cadence.reporting.service;

import static app.cadence.reporting.service.MarkdownText.bullets;
import static app.cadence.reporting.service.MarkdownText.escape;

import app.cadence.reporting.service.ProjectStatus.Item;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A project's status written as Markdown: the generated sections of a status report, and each list a message may quote. */
final class StatusMarkdown {

    private StatusMarkdown() {
    }

    /** The report's title, e.g. "CRM-03 Salesforce rollout — status report, 27 Nov 2026" (plain text). */
    static String title(ProjectStatus status) {
        return status.code() + " " + status.name() + " — status report, " + ProjectFacts.DAY.format(status.today());
    }

    /** The headline: health and why. */
    static String headline(ProjectStatus status) {
        return "**Health: " + status.health().label() + "** — " + escape(status.healthReason())
                + (status.healthSetByHand() ? " (set by hand)" : "");
    }

    /** Every generated section, in the report's order. */
    static String sections(ProjectStatus status) {
        StringBuilder md = new StringBuilder();
        section(md, "Milestones in the next 30 days", milestones(status));
        section(md, "Blocked items", blocked(status));
        section(md, "Top overdue items", overdue(status)
                + (status.overdueCount() > status.overdue().size() ? "\n\n" + status.overdueCount() + " overdue items in all." : ""));
        section(md, "Cutover", runbooks(status));
        section(md, "Decisions", decisions(status));
        section(md, "Retrospectives", retrospectives(status));
        section(md, "Open actions", actions(status));
        section(md, "Health trend", trend(status));
        return md.toString().strip();
    }

    /** The whole report: title, headline, the narrative, then the generated sections. */
    static String report(String title, String headline, String narrative, String sections) {
        return "# " + escape(title) + "\n\n" + headline + "\n\n## Summary\n\n"
                + (narrative.isBlank() ? "No summary written." : narrative.strip()) + "\n\n" + sections + "\n";
    }

    private static void section(StringBuilder md, String heading, String body) {
        md.append("## ").append(heading).append("\n\n").append(body).append("\n\n");
    }

    static String milestones(ProjectStatus status) {
        return bullets(status.milestones().stream().map(m -> ProjectFacts.DAY.format(m.date()) + " — " + escape(m.name())).toList());
    }

    static String blocked(ProjectStatus status) {
        return bullets(status.blocked().stream().map(i -> "**" + escape(i.title()) + "** (" + escape(i.where()) + ")" + owner(i)
                + " — " + (i.reason() == null ? "no reason given" : escape(i.reason()))).toList());
    }

    static String overdue(ProjectStatus status) {
        return bullets(status.overdue().stream().map(i -> "**" + escape(i.title()) + "** (" + escape(i.where()) + ")" + owner(i)
                + " — due " + (i.due() == null ? "" : ProjectFacts.DAY.format(i.due())) + ", " + days(i.daysOverdue()) + " overdue").toList());
    }

    static String runbooks(ProjectStatus status) {
        List<String> lines = status.runbooks().stream().map(r -> escape(r.name()) + ": " + r.done() + " of " + r.total() + " steps done"
                + (r.run() == null ? " (no run scheduled)" : " — " + escape(r.run()))).toList();
        if (lines.isEmpty()) {
            return "No cutover runbook applied.";
        }
        return lines.size() == 1 ? lines.getFirst() : bullets(lines);
    }

    static String decisions(ProjectStatus status) {
        return bullets(status.openDecisions().stream().map(d -> escape(d.title()) + " (" + escape(d.runbook()) + ") — " + escape(d.state()))
                .toList());
    }

    static String retrospectives(ProjectStatus status) {
        return bullets(status.retrospectives().stream().map(r -> escape(r.name())
                + (r.heldOn() == null ? "" : ", " + ProjectFacts.DAY.format(r.heldOn())) + " — " + r.phase()).toList());
    }

    static String actions(ProjectStatus status) {
        return bullets(status.openActions().stream().map(a -> escape(a.title()) + " — " + escape(a.owner())
                + (a.dueOn() == null ? ", no due date" : ", due " + ProjectFacts.DAY.format(a.dueOn())) + (a.overdue() ? " (overdue)" : ""))
                .toList());
    }

    static String trend(ProjectStatus status) {
        return bullets(status.trend().stream().map(p -> ProjectFacts.DAY.format(p.date()) + " — " + p.health().label()
                + " (" + p.source().toLowerCase(java.util.Locale.ROOT) + ")").toList());
    }

    private static String owner(Item item) {
        @Nullable String owner = item.owner();
        return owner == null ? " — unassigned" : " — " + escape(owner);
    }

    private static String days(long days) {
        return days == 1 ? "1 day" : days + " days";
    }
}
