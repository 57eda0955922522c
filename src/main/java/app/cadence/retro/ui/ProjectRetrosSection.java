package app.cadence.retro.ui;

import app.cadence.live.LiveScreens;
import app.cadence.live.Topic;
import app.cadence.project.ui.ProjectPageSection;
import app.cadence.retro.domain.ActionStatus;
import app.cadence.retro.service.ActionRow;
import app.cadence.retro.service.RetroExports;
import app.cadence.retro.service.RetroFile;
import app.cadence.retro.service.RetroReading;
import app.cadence.retro.service.RetroReading.ProjectRetros;
import app.cadence.retro.service.RetroReading.SessionRow;
import app.cadence.shared.ui.FileDownload;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The project page's retrospectives: the ratings trend (each question's average, session by
 * session) and the action items, open first, with a CSV export. Hidden for a project that has
 * held no retrospective.
 */
@org.springframework.stereotype.Component
class ProjectRetrosSection implements ProjectPageSection {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final RetroReading reading;
    private final RetroExports exports;
    private final LiveScreens live;

    ProjectRetrosSection(RetroReading reading, RetroExports exports, LiveScreens live) {
        this.reading = reading;
        this.exports = exports;
        this.live = live;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Component create(Long projectId, boolean canEdit) {
        Div section = new Div();
        section.addClassName("project-retros");
        Runnable show = () -> draw(section, projectId, reading.ofProject(projectId));
        show.run();
        live.follow(section, () -> List.of(Topic.retrosOf(projectId)), changes -> show.run());
        return section;
    }

    private void draw(Div section, Long projectId, ProjectRetros retros) {
        section.removeAll();
        section.setVisible(!retros.sessions().isEmpty());
        if (retros.sessions().isEmpty()) {
            return;
        }
        section.add(new H3("Retrospectives"));
        if (!retros.questions().isEmpty()) {
            section.add(trend(retros));
        }
        Div actions = new Div();
        actions.addClassName("project-retro-actions");
        Span summary = new Span(retros.openActions() + " open of " + retros.actions().size() + (retros.actions().size() == 1 ? " action" : " actions"));
        summary.addClassName("hint");
        Anchor csv = new Anchor(FileDownload.of(() -> {
            RetroFile file = exports.actionsCsv(projectId);
            return new FileDownload.MadeFile(file.fileName(), file.contentType(), file.bytes());
        }), AttachmentType.DOWNLOAD, "Actions (CSV)");
        csv.addClassName("export-retro-actions");
        actions.add(summary, new Span(" "), csv);
        for (ActionRow action : retros.actions()) {
            Span status = new Span(action.overdue() ? "Overdue" : action.status().label());
            status.addClassNames("status-badge", action.status() == ActionStatus.OPEN ? (action.overdue() ? "status-on-hold" : "status-proposed")
                    : action.status() == ActionStatus.DONE ? "status-active" : "status-closed");
            Anchor title = new Anchor("retros/" + action.sessionId(), action.title());
            Span who = new Span(" · " + action.ownerName() + (action.dueOn() == null ? "" : " · due " + ActionList.DUE.format(action.dueOn())));
            who.addClassName("hint");
            Div row = new Div(status, new Span(" "), title, who);
            row.addClassName("retro-action");
            actions.add(row);
        }
        section.add(actions);
    }

    /** A row per question, a column per retrospective: the averages, oldest first, so a trend reads left to right. */
    private Div trend(ProjectRetros retros) {
        Div table = new Div();
        table.addClassName("retro-trend");
        table.getElement().setAttribute("role", "table");
        table.getElement().setAttribute("aria-label", "Ratings trend");
        Div head = row(new Span("Question"));
        for (SessionRow session : retros.sessions()) {
            head.add(new Span(session.name() + (session.heldOn() == null ? "" : " · " + DAY.format(session.heldOn()))));
        }
        table.add(head);
        for (String question : retros.questions()) {
            Div row = row(new Span(question));
            for (SessionRow session : retros.sessions()) {
                Double average = session.averages().get(question);
                row.add(new Span(average == null ? "—" : String.format(Locale.ROOT, "%.1f", average)));
            }
            table.add(row);
        }
        return table;
    }

    private static Div row(Span first) {
        Div row = new Div(first);
        row.addClassName("retro-trend-row");
        row.getElement().setAttribute("role", "row");
        return row;
    }
}
