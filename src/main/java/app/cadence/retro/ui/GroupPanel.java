package app.cadence.retro.ui;

import app.cadence.retro.domain.RetroBoard.CardView;
import app.cadence.retro.domain.RetroBoard.TopicView;
import app.cadence.retro.domain.RetroGroup;
import app.cadence.retro.service.RetroBoardWork;
import app.cadence.retro.service.RetroScreen;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.DropEffect;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Group: every topic (a card alone, or cards grouped) in a box that takes a dropped card; drag a
 * card onto another topic to group them, or use its "Move to" list from the keyboard. A topic's
 * name field keeps what is being typed while others regroup: topic boxes are kept by id.
 */
class GroupPanel extends Div implements BoardPanel {

    /** The "Move to" choice that takes a card out into a topic of its own. */
    static final long OWN_TOPIC = -1L;

    private final RetroBoardWork work;
    private final BoardChanges changes;
    private final Map<Long, TopicBox> boxes = new HashMap<>();
    private final Span hint = new Span("Drag a card onto another topic to group them; name a group in its field.");
    private final Div topics = new Div();
    private List<TopicView> shownTopics = List.of();

    GroupPanel(RetroBoardWork work, BoardChanges changes) {
        this.work = work;
        this.changes = changes;
        addClassName("retro-group");
        hint.addClassName("hint");
        topics.addClassName("retro-topics");
        add(hint, topics);
    }

    @Override
    public void show(RetroScreen screen) {
        List<TopicView> all = screen.board().topics();
        shownTopics = all;
        Set<Long> seen = new HashSet<>();
        int index = 0;
        for (TopicView topic : all) {
            seen.add(topic.groupId());
            TopicBox box = boxes.computeIfAbsent(topic.groupId(), id -> new TopicBox(id, screen.iMayTakePart()));
            if (topics.getChildren().skip(index).findFirst().orElse(null) != box) {
                topics.addComponentAtIndex(index, box);
            }
            box.show(topic);
            index++;
        }
        boxes.entrySet().removeIf(entry -> {
            if (!seen.contains(entry.getKey())) {
                topics.remove(entry.getValue());
                return true;
            }
            return false;
        });
        if (all.isEmpty()) {
            hint.setText("Nobody wrote a card. Move on when you are ready.");
        }
    }

    private final class TopicBox extends Div {

        private final Long groupId;
        private final TextField name = new TextField();
        private final Span column = new Span();
        private final Div cards = new Div();
        private boolean typing;
        private List<CardView> drawn = List.of();
        /** Set while a fresh read is put in the field: that is no rename. */
        private boolean showing;

        TopicBox(Long groupId, boolean mayWrite) {
            this.groupId = groupId;
            addClassName("retro-topic");
            name.setPlaceholder("Name this group");
            name.setAriaLabel("Group name");
            name.addClassName("retro-group-name");
            name.setMaxLength(RetroGroup.TITLE_MAX);
            name.setWidthFull();
            name.setReadOnly(!mayWrite);
            name.addFocusListener(e -> typing = true);
            name.addBlurListener(e -> typing = false);
            name.addValueChangeListener(e -> {
                if (!showing) {
                    changes.attempt(() -> work.renameGroup(groupId, e.getValue()));
                }
            });
            column.addClassName("hint");
            cards.addClassName("retro-cards");
            add(name, column, cards);
            if (mayWrite) {
                DropTarget<TopicBox> target = DropTarget.create(this);
                target.setDropEffect(DropEffect.MOVE);
                target.addDropListener(e -> e.getDragData().ifPresent(data -> move((Long) data, groupId)));
            }
        }

        void show(TopicView topic) {
            if (!typing) {
                showing = true;
                try {
                    name.setValue(topic.named() ? topic.title() : "");
                } finally {
                    showing = false;
                }
            }
            name.setPlaceholder(topic.named() ? "Name this group" : topic.title());
            column.setText(topic.columnTitle());
            // Redrawn only when its cards changed: one regrouping must not redraw 200 cards on 20 screens.
            if (!topic.cards().equals(drawn)) {
                cards.removeAll();
                for (CardView card : topic.cards()) {
                    cards.add(card(card, topic, !name.isReadOnly()));
                }
                drawn = topic.cards();
            }
        }
    }

    private Div card(CardView card, TopicView topic, boolean mayWrite) {
        Span text = new Span(card.text());
        text.addClassName("retro-card-text");
        Div box = new Div(text);
        box.addClassName("retro-card");
        if (card.author() != null) {
            Span author = new Span(card.author());
            author.addClassName("retro-card-author");
            box.add(author);
        }
        if (mayWrite) {
            DragSource<Div> drag = DragSource.create(box);
            drag.setDragData(card.id());
            Button moveTo = new Button("Move to…", e -> askWhere(card, topic));
            moveTo.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY_INLINE);
            moveTo.addClassName("retro-move-to");
            moveTo.setAriaLabel("Move “" + ReflectPanel.abbreviate(card.text()) + "” to another topic");
            box.add(moveTo);
        }
        return box;
    }

    /**
     * The keyboard's way to group: a dialog with the other topics (filter by typing) and, for a
     * grouped card, "A topic of its own". One list for the whole board, made when asked: a list
     * per card would be drawn for every card on every screen, 40,000 entries for 200 cards.
     */
    private void askWhere(CardView card, TopicView topic) {
        List<Long> choices = new java.util.ArrayList<>();
        if (topic.cards().size() > 1) {
            choices.add(OWN_TOPIC);
        }
        shownTopics.stream().filter(t -> !t.groupId().equals(topic.groupId())).forEach(t -> choices.add(t.groupId()));
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Move “" + ReflectPanel.abbreviate(card.text()) + "”");
        ComboBox<Long> where = new ComboBox<>("To topic");
        where.setItems(choices);
        where.setItemLabelGenerator(id -> id == OWN_TOPIC ? "A topic of its own"
                : shownTopics.stream().filter(t -> t.groupId().equals(id)).map(t -> ReflectPanel.abbreviate(t.title())).findFirst().orElse(""));
        where.setWidth("24rem");
        where.addClassName("retro-move-target");
        Button move = new Button("Move", e -> {
            if (where.getValue() == null) {
                where.setInvalid(true);
                where.setErrorMessage("Choose a topic.");
                return;
            }
            Long target = where.getValue();
            dialog.close();
            move(card.id(), target == OWN_TOPIC ? null : target);
        });
        move.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        move.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        dialog.add(where);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), move);
        dialog.open();
        where.focus();
    }

    private void move(Long cardId, @Nullable Long toGroup) {
        changes.attempt(() -> work.group(cardId, toGroup));
    }
}
