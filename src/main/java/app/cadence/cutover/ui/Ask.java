package app.cadence.cutover.ui;

import app.cadence.shared.domain.RuleViolationException;
import app.cadence.shared.ui.UserMessages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small dialog that asks before a run changes: what will happen, the reason or evidence it
 * needs, and a confirm button. The service decides; when it refuses, its sentence is shown in
 * the dialog and everything typed stays there, so the user corrects it rather than starting over.
 * A change pushed by someone else meanwhile refreshes the screen behind the dialog, not the dialog.
 */
final class Ask {

    private static final Logger log = LoggerFactory.getLogger(Ask.class);

    /** A change the dialog confirms; it may throw the service's refusal. */
    @FunctionalInterface
    interface Change {
        void run();
    }

    private final Dialog dialog = new Dialog();
    private final VerticalLayout body = new VerticalLayout();
    private final Paragraph problem = new Paragraph();
    private final Button confirm;

    Ask(String title, String confirmLabel) {
        dialog.setHeaderTitle(title);
        dialog.addClassName("run-dialog");
        dialog.setWidth("min(32rem, 95vw)");
        body.setPadding(false);
        problem.addClassName("ask-problem");
        problem.setVisible(false);
        confirm = new Button(confirmLabel);
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(body, problem);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
    }

    /** Destructive: the confirm button is red. */
    Ask danger() {
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return this;
    }

    Ask say(String text) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.addClassName("ask-text");
        body.add(paragraph);
        return this;
    }

    Ask with(Component... components) {
        body.add(components);
        return this;
    }

    /** A multi-line field for a reason, a note or evidence. */
    TextArea reason(String label, boolean required) {
        TextArea field = new TextArea(label);
        field.setWidthFull();
        field.setMaxLength(2000);
        field.setRequiredIndicatorVisible(required);
        body.add(field);
        return field;
    }

    TextField line(String label, boolean required) {
        TextField field = new TextField(label);
        field.setWidthFull();
        field.setMaxLength(2000);
        field.setRequiredIndicatorVisible(required);
        body.add(field);
        return field;
    }

    /** Opens the dialog; confirming runs the change, then closes, or shows why not and stays open. */
    Dialog open(Change change) {
        confirm.addClickListener(e -> {
            try {
                change.run();
                dialog.close();
            } catch (RuntimeException ex) {
                if (!(ex instanceof RuleViolationException)) {
                    log.debug("Run change refused", ex);
                }
                problem.setText(UserMessages.describe(ex));
                problem.setVisible(true);
            }
        });
        dialog.open();
        body.getChildren().filter(c -> c instanceof com.vaadin.flow.component.Focusable<?>).findFirst()
                .ifPresent(c -> ((com.vaadin.flow.component.Focusable<?>) c).focus());
        return dialog;
    }
}
