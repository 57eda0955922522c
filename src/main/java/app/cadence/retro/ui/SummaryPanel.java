package app.cadence.retro.ui;

import app.cadence.retro.domain.RetroBoard.RatingView;
import app.cadence.retro.domain.RetroBoard.TopicView;
import app.cadence.retro.service.RetroExports;
import app.cadence.retro.service.RetroFile;
import app.cadence.retro.service.RetroScreen;
import app.cadence.retro.service.RetroSummary;
import app.cadence.shared.ui.FileDownload;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadHandler;

/**
 * Close: the summary — ratings, the top themes with their notes, the actions (still settled from
 * here as they get done) — with the summary as Markdown and PDF.
 */
class SummaryPanel extends Div implements BoardPanel {

    private final RetroExports exports;
    private final ActionList actions;
    private final Div ratings = new Div();
    private final Div themes = new Div();
    private final RecordLesson lesson;

    SummaryPanel(Long sessionId, RetroExports exports, ActionList actions, RecordLesson lesson) {
        this.lesson = lesson;
        this.exports = exports;
        this.actions = actions;
        addClassName("retro-summary");
        Anchor markdown = new Anchor(download(() -> exports.markdown(sessionId)), AttachmentType.DOWNLOAD, "Summary (Markdown)");
        markdown.addClassName("export-retro-markdown");
        Anchor pdf = new Anchor(download(() -> exports.pdf(sessionId)), AttachmentType.DOWNLOAD, "Summary (PDF)");
        pdf.addClassName("export-retro-pdf");
        Div files = new Div(markdown, pdf);
        files.addClassName("retro-exports");
        ratings.addClassName("retro-summary-ratings");
        themes.addClassName("retro-summary-themes");
        add(files, ratings, themes, actions);
    }

    private static DownloadHandler download(FileMaker maker) {
        return FileDownload.of(() -> {
            RetroFile file = maker.make();
            return new FileDownload.MadeFile(file.fileName(), file.contentType(), file.bytes());
        });
    }

    @FunctionalInterface
    private interface FileMaker extends java.io.Serializable {
        RetroFile make();
    }

    @Override
    public void show(RetroScreen screen) {
        ratings.removeAll();
        ratings.add(new H3("Ratings"));
        if (screen.board().ratings().isEmpty()) {
            ratings.setVisible(false);
        }
        for (RatingView rating : screen.board().ratings()) {
            Div box = new Div(new Span(rating.question()));
            box.addClassName("retro-rating");
            box.add(CheckInPanel.distribution(rating));
            ratings.add(box);
        }
        themes.removeAll();
        themes.add(new H3("Top themes"));
        var top = screen.board().topics().stream().limit(RetroSummary.TOP_THEMES).toList();
        if (top.isEmpty()) {
            Span none = new Span("No cards were written.");
            none.addClassName("hint");
            themes.add(none);
        }
        int n = 1;
        for (TopicView theme : top) {
            Span title = new Span(n++ + ". " + theme.title());
            title.addClassName("retro-topic-title");
            Span votes = new Span(" · " + RetroSummary.votes(theme) + " · " + theme.columnTitle());
            votes.addClassName("hint");
            Div row = new Div(title, votes);
            row.addClassName("retro-theme");
            if (screen.iMayTakePart() && lesson.mayRecord()) {
                row.add(lesson.topicButton(theme, screen));
            }
            if (theme.notes() != null) {
                Div notes = new Div(new Span(theme.notes()));
                notes.addClassName("retro-theme-notes");
                row.add(notes);
            }
            themes.add(row);
        }
        actions.show(screen.actions(), screen);
    }
}
