package app.cadence.portfolio.ui;

import app.cadence.portfolio.service.PortfolioCommentaries;
import app.cadence.portfolio.service.PortfolioCommentaries.Commentary;
import app.cadence.shared.ui.MarkdownView;
import app.cadence.shared.ui.UserMessages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * The PMO's commentary on the portfolio, in Markdown: read by everyone, written by ADMIN and PMO,
 * printed at the top of the status pack. A save over someone else's keeps what was typed on screen.
 */
class CommentaryPanel extends Div {

    private final PortfolioCommentaries commentaries;
    private final boolean mayEdit;
    private Commentary shown;

    CommentaryPanel(PortfolioCommentaries commentaries) {
        this.commentaries = commentaries;
        this.mayEdit = commentaries.mayEdit();
        this.shown = commentaries.current();
        addClassNames("card", "portfolio-commentary");
        read();
    }

    private void read() {
        removeAll();
        add(new H3("PMO commentary"));
        if (!shown.written() || shown.text().isBlank()) {
            Span empty = new Span(mayEdit ? "No commentary yet. Write what the figures do not say; it is printed at the top of the status pack."
                    : "The PMO has not written a commentary yet.");
            empty.addClassNames("hint", "commentary-empty");
            add(empty);
        } else {
            add(new MarkdownView(shown.text()));
            Span who = new Span("Last edited by " + shown.updatedBy() + " on " + UserMessages.formatTime(java.util.Objects.requireNonNull(shown.updatedAt())) + ".");
            who.addClassNames("hint", "commentary-edited");
            add(who);
        }
        if (mayEdit) {
            Button edit = new Button(shown.written() ? "Edit commentary" : "Write commentary", e -> edit(shown.text()));
            edit.addClassName("edit-commentary");
            add(edit);
        }
    }

    private void edit(String text) {
        removeAll();
        add(new H3("PMO commentary"));
        TextArea area = new TextArea("Commentary (Markdown: **bold**, - lists, blank line between paragraphs)");
        area.addClassName("commentary-text");
        area.setWidthFull();
        area.setMinHeight("8em");
        area.setMaxLength(app.cadence.portfolio.domain.PortfolioCommentary.TEXT_MAX);
        area.setValue(text);
        area.setValueChangeMode(ValueChangeMode.LAZY);
        MarkdownView preview = new MarkdownView(text);
        preview.addClassName("commentary-preview");
        area.addValueChangeListener(e -> preview.setMarkdown(e.getValue()));
        Span error = new Span();
        error.addClassNames("error", "commentary-error");
        error.setVisible(false);
        Button save = new Button("Save commentary", e -> {
            try {
                shown = commentaries.save(area.getValue(), shown.version());
                read();
            } catch (RuntimeException ex) {
                error.setText(UserMessages.describe(ex) + " Your text is still here: copy it, then cancel to see theirs.");
                error.setVisible(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClassName("save-commentary");
        Button cancel = new Button("Cancel", e -> {
            shown = commentaries.current();
            read();
        });
        Span previewLabel = new Span("Preview");
        previewLabel.addClassName("hint");
        add(area, error, new HorizontalLayout(save, cancel), previewLabel, preview);
    }
}
