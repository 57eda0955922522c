package app.cadence.template.domain;

import java.util.Arrays;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * The live values a communication's message may quote, written {@code {{project.name}}} in its
 * subject or body. The template module owns the names (so a template is checked when it is saved);
 * the module that drafts a message fills them from the project's data at that moment.
 */
@NamedInterface("api")
public enum MessagePlaceholder {
    PROJECT_NAME("project.name", "The project's name"),
    PROJECT_CODE("project.code", "The project's code"),
    PROJECT_MANAGER("project.manager", "The project manager's name"),
    GO_LIVE("project.goLive", "The go-live date"),
    HEALTH("health", "Green, Amber, Red or Not assessed"),
    HEALTH_REASON("health.reason", "Why the project has that health"),
    MILESTONES_NEXT_30("milestones.next30", "Milestones in the next 30 days, as a list"),
    ITEMS_BLOCKED("items.blocked", "Blocked items with their reasons, as a list"),
    ITEMS_OVERDUE("items.overdue", "Overdue items, most overdue first, as a list"),
    RUNBOOK_PROGRESS("runbook.progress", "Cutover runbook progress (steps done of all)"),
    ACTIONS_OPEN("actions.open", "Open retrospective actions with owner and due date, as a list"),
    REPORT_LATEST("report.latest", "Link to the latest published status report"),
    TODAY("today", "The date the message is drafted"),
    OCCURRENCE_DATE("occurrence.date", "The date this communication is scheduled for");

    private final String token;
    private final String description;

    MessagePlaceholder(String token, String description) {
        this.token = token;
        this.description = description;
    }

    /** The name between the braces. */
    public String token() {
        return token;
    }

    public String description() {
        return description;
    }

    public static Optional<MessagePlaceholder> byToken(String token) {
        return Arrays.stream(values()).filter(p -> p.token.equals(token)).findFirst();
    }
}
