package app.cadence.retro.ui;

import app.cadence.lessons.domain.LessonSource;
import app.cadence.lessons.service.LessonDraft;
import app.cadence.lessons.service.Lessons;
import app.cadence.lessons.ui.RecordLessonDialog;
import app.cadence.retro.domain.RetroBoard.CardView;
import app.cadence.retro.domain.RetroBoard.TopicView;
import app.cadence.retro.service.ActionRow;
import app.cadence.retro.service.RetroScreen;
import app.cadence.shared.ui.UserMessages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import java.io.Serializable;
import java.util.stream.Collectors;

/**
 * "Record as lesson" from the board: a topic, a card or an action becomes a lesson in the
 * organisation's library, prefilled with what the team wrote and linked back to this board. The
 * lessons module owns the dialog and the rules; a card's author never goes into the lesson.
 */
final class RecordLesson implements Serializable {

    private final Lessons lessons;

    RecordLesson(Lessons lessons) {
        this.lessons = lessons;
    }

    boolean mayRecord() {
        return lessons.mayRecord();
    }

    Button topicButton(TopicView topic, RetroScreen screen) {
        String notes = topic.notes() == null ? "" : "\n\nNotes from the discussion: " + topic.notes();
        String cards = topic.cards().stream().map(c -> "• " + c.text()).collect(Collectors.joining("\n"));
        return button("Record as lesson", "Record “" + ReflectPanel.abbreviate(topic.title()) + "” as a lesson", () -> open(
                LessonSource.retroGroup(topic.groupId(), label("Topic", topic.title(), screen), link(screen)),
                topic.title(), cards + notes, screen));
    }

    Button cardButton(CardView card, RetroScreen screen) {
        return button("Lesson…", "Record the card “" + ReflectPanel.abbreviate(card.text()) + "” as a lesson", () -> open(
                LessonSource.retroCard(card.id(), label("Card", card.text(), screen), link(screen)), firstLine(card.text()), card.text(), screen));
    }

    Button actionButton(ActionRow action, RetroScreen screen) {
        return button("Lesson…", "Record the action “" + ReflectPanel.abbreviate(action.title()) + "” as a lesson", () -> open(
                LessonSource.retroAction(action.id(), label("Action", action.title(), screen), link(screen)), action.title(),
                "Agreed at " + screen.instanceName() + ": " + action.title() + " (" + action.ownerName() + ", " + action.status().label().toLowerCase() + ").",
                screen));
    }

    private void open(LessonSource source, String title, String whatHappened, RetroScreen screen) {
        try {
            new RecordLessonDialog(lessons, LessonDraft.from(source).forProject(screen.projectId()).withText(firstLine(title), atMost(whatHappened, 4000)))
                    .onRecorded(id -> UserMessages.showSuccess("Recorded in the lessons learned library.")).open();
        } catch (RuntimeException e) {
            UserMessages.showError(e);
        }
    }

    private static Button button(String text, String label, Runnable click) {
        Button button = new Button(text, e -> click.run());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        button.setAriaLabel(label);
        button.addClassName("retro-record-lesson");
        return button;
    }

    private static String label(String what, String text, RetroScreen screen) {
        String full = what + " “" + ReflectPanel.abbreviate(text) + "” · " + screen.instanceName() + " · " + screen.projectKey();
        return full.length() <= LessonSource.LABEL_MAX ? full : full.substring(0, LessonSource.LABEL_MAX - 1) + "…";
    }

    private static String link(RetroScreen screen) {
        return "/retros/" + screen.sessionId();
    }

    private static String atMost(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse(text).strip();
        return line.length() <= 200 ? line : line.substring(0, 199) + "…";
    }
}
