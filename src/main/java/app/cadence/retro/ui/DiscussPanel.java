package app.cadence.retro.ui;

import app.cadence.retro.domain.RetroBoard.CardView;
import app.cadence.retro.domain.RetroBoard.TopicView;
import app.cadence.retro.domain.RetroGroup;
import app.cadence.retro.domain.RetroSession;
import app.cadence.retro.service.RetroBoardWork;
import app.cadence.retro.service.RetroScreen;
import app.cadence.retro.service.RetroSessions;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Discuss: the topics by votes, the one under discussion with its cards, the shared timer and
 * notes, and the actions being agreed. The facilitator picks the topic and runs the timer; anyone
 * taking part writes the notes (saved when the field is left) and agrees actions.
 */
class DiscussPanel extends Div implements BoardPanel {

    private final Long sessionId;
    private final RetroSessions sessions;
    private final RetroBoardWork work;
    private final BoardChanges changes;
    private final ActionsPanel actions;
    private final Div topics = new Div();
    private final Div current = new Div();
    private final H3 currentTitle = new H3();
    private final Div currentCards = new Div();
    private final RetroTimer timer = new RetroTimer();
    private final Div timerControls = new Div();
    private final IntegerField minutes = new IntegerField();
    private final TextArea notes = new TextArea("Notes");
    private @Nullable Long notesOf;
    private @Nullable String notesSaved;
    private @Nullable TopicView shown;
    private final RecordLesson lesson;
    private final Div lessonBox = new Div();
    /** Set while a fresh read is put in the notes field: that is no edit. */
    private boolean showing;

    DiscussPanel(Long sessionId, RetroSessions sessions, RetroBoardWork work, ActionsPanel actions, BoardChanges changes, RecordLesson lesson) {
        this.lesson = lesson;
        this.sessionId = sessionId;
        this.sessions = sessions;
        this.work = work;
        this.actions = actions;
        this.changes = changes;
        addClassName("retro-discuss");
        topics.addClassName("retro-topic-list");
        current.addClassName("retro-current-topic");
        currentCards.addClassName("retro-topic-cards");
        minutes.setValue(5);
        minutes.setMin(1);
        minutes.setMax((int) RetroSession.LONGEST_TIMER.toMinutes());
        minutes.setStepButtonsVisible(true);
        minutes.setAriaLabel("Minutes");
        minutes.setSuffixComponent(new Span("min"));
        minutes.setWidth("8rem");
        timerControls.addClassName("retro-timer-controls");
        notes.setWidthFull();
        notes.setMaxLength(RetroGroup.NOTES_MAX);
        notes.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        notes.setHelperText("Saved when you leave the field.");
        notes.addValueChangeListener(e -> {
            Long topic = notesOf;
            if (!showing && topic != null) {
                String value = e.getValue();
                if (changes.attempt(() -> work.writeNotes(topic, value))) {
                    notesSaved = value;
                }
            }
        });
        Button action = new Button("Agree an action on this topic", e -> {
            if (shown != null) {
                actions.from(shown);
            }
        });
        action.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div timerBox = new Div(timer, timerControls);
        timerBox.addClassName("retro-timer-box");
        Div topicTools = new Div(action, lessonBox);
        topicTools.addClassName("retro-topic-tools");
        current.add(currentTitle, timerBox, currentCards, notes, topicTools);
        Div layout = new Div(topics, current);
        layout.addClassName("retro-discuss-layout");
        add(layout, actions);
    }

    @Override
    public void show(RetroScreen screen) {
        Long under = screen.board().topicUnderDiscussion();
        topics.removeAll();
        topics.add(new H3("Topics by votes"));
        for (TopicView topic : screen.board().topics()) {
            topics.add(topicRow(topic, Objects.equals(topic.groupId(), under), screen.iMayFacilitate()));
        }
        shown = under == null ? null : screen.board().topic(under);
        current.setVisible(shown != null || screen.iMayFacilitate());
        if (shown == null) {
            currentTitle.setText(screen.board().topics().isEmpty() ? "No topics to discuss" : "Pick the first topic to discuss");
            currentCards.removeAll();
            notes.setVisible(false);
            timer.setVisible(false);
            timerControls.removeAll();
        } else {
            currentTitle.setText(shown.title() + " · " + shown.votes() + (Objects.equals(shown.votes(), 1) ? " vote" : " votes"));
            currentCards.removeAll();
            for (CardView card : shown.cards()) {
                Div c = new Div(new Span(card.text()));
                c.addClassName("retro-card");
                if (card.author() != null) {
                    Span author = new Span(card.author());
                    author.addClassName("retro-card-author");
                    c.add(author);
                }
                if (screen.iMayTakePart() && lesson.mayRecord()) {
                    c.add(lesson.cardButton(card, screen));
                }
                currentCards.add(c);
            }
            lessonBox.removeAll();
            if (screen.iMayTakePart() && lesson.mayRecord()) {
                lessonBox.add(lesson.topicButton(shown, screen));
            }
            notes.setVisible(true);
            notes.setReadOnly(!screen.iMayTakePart());
            String stored = shown.notes() == null ? "" : shown.notes();
            // Someone else's notes arrive unless this person is mid-sentence in the same topic.
            if (!Objects.equals(notesOf, shown.groupId()) || Objects.equals(notes.getValue(), notesSaved == null ? "" : notesSaved)) {
                showing = true;
                try {
                    notes.setValue(stored);
                } finally {
                    showing = false;
                }
                notesSaved = stored;
            }
            notesOf = shown.groupId();
            timer.setVisible(true);
            timer.show(screen.timer());
            timerControls(screen);
        }
        actions.show(screen);
        actions.suggest(under);
    }

    private void timerControls(RetroScreen screen) {
        timerControls.removeAll();
        if (!screen.iMayFacilitate()) {
            return;
        }
        RetroScreen.Timer t = screen.timer();
        if (t.running()) {
            timerControls.add(button("Pause", () -> sessions.pauseTimer(sessionId)), button("Stop", () -> sessions.stopTimer(sessionId)));
        } else if (t.secondsLeft() > 0) {
            timerControls.add(button("Resume", () -> sessions.resumeTimer(sessionId)), button("Stop", () -> sessions.stopTimer(sessionId)));
        } else {
            Button start = button("Start timer", () -> sessions.startTimer(sessionId, minutes.getValue() == null ? 0 : minutes.getValue()));
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            timerControls.add(minutes, start);
        }
    }

    private Button button(String label, BoardChanges.Change change) {
        Button button = new Button(label, e -> changes.attempt(change));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }

    private Div topicRow(TopicView topic, boolean current, boolean mayFacilitate) {
        Span votes = new Span(String.valueOf(topic.votes()));
        votes.addClassName("retro-topic-votes");
        votes.getElement().setAttribute("aria-label", topic.votes() + " votes");
        Span title = new Span(topic.title());
        Div row = new Div(votes, title);
        row.addClassName("retro-topic-row");
        row.setClassName("retro-topic-current", current);
        if (mayFacilitate && !current) {
            Button discuss = new Button("Discuss", e -> changes.attempt(() -> sessions.discuss(sessionId, topic.groupId())));
            discuss.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            discuss.setAriaLabel("Discuss " + topic.title());
            row.add(discuss);
        }
        return row;
    }
}
