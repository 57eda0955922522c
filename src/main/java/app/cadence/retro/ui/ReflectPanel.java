package app.cadence.retro.ui;

import app.cadence.retro.domain.RetroBoard.CardView;
import app.cadence.retro.domain.RetroBoard.ColumnView;
import app.cadence.retro.domain.RetroCard;
import app.cadence.retro.service.RetroBoardWork;
import app.cadence.retro.service.RetroScreen;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reflect: a column per template prompt, each with a field to add a card (Ctrl+Enter adds) and the
 * cards the person may see — their own until the facilitator reveals everyone's. Cards are kept by
 * id between reads, so a burst of twenty people writing changes only the cards that changed.
 */
class ReflectPanel extends Div implements BoardPanel {

    private final Long sessionId;
    private final RetroBoardWork work;
    private final BoardChanges changes;
    private final Map<UUID, ColumnBox> columns = new HashMap<>();

    ReflectPanel(Long sessionId, RetroBoardWork work, BoardChanges changes) {
        this.sessionId = sessionId;
        this.work = work;
        this.changes = changes;
        addClassName("retro-columns");
    }

    @Override
    public void show(RetroScreen screen) {
        for (ColumnView column : screen.board().columns()) {
            columns.computeIfAbsent(column.key(), key -> {
                ColumnBox box = new ColumnBox(column, screen.iMayTakePart());
                add(box);
                return box;
            }).show(column);
        }
    }

    private final class ColumnBox extends Div {

        private final UUID key;
        private final Div cards = new Div();
        private final Span hidden = new Span();
        private final Map<Long, CardBox> shown = new HashMap<>();

        ColumnBox(ColumnView column, boolean mayWrite) {
            this.key = column.key();
            addClassName("retro-column");
            add(new H3(column.title()));
            if (column.prompt() != null) {
                Paragraph prompt = new Paragraph(column.prompt());
                prompt.addClassName("hint");
                add(prompt);
            }
            if (mayWrite) {
                add(newCard(column));
            }
            cards.addClassName("retro-cards");
            hidden.addClassName("hint");
            add(cards, hidden);
        }

        private Div newCard(ColumnView column) {
            TextArea text = new TextArea();
            text.setPlaceholder("Add a card to “" + column.title() + "”");
            text.setAriaLabel("New card for " + column.title());
            text.setMaxLength(RetroCard.TEXT_MAX);
            text.setWidthFull();
            text.addClassName("retro-new-card");
            Button add = new Button("Add card", e -> addCard(text));
            add.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            add.addClickShortcut(Key.ENTER, KeyModifier.CONTROL).listenOn(text);
            Div box = new Div(text, add);
            box.addClassName("retro-new-card-box");
            return box;
        }

        private void addCard(TextArea text) {
            if (text.getValue().isBlank()) {
                text.focus();
                return;
            }
            String value = text.getValue();
            if (changes.attempt(() -> work.addCard(sessionId, key, value))) {
                text.clear();
                text.focus();
            }
        }

        void show(ColumnView column) {
            Set<Long> seen = new HashSet<>();
            int index = 0;
            for (CardView card : column.cards()) {
                seen.add(card.id());
                CardBox box = shown.get(card.id());
                if (box == null) {
                    box = new CardBox(card);
                    shown.put(card.id(), box);
                    cards.addComponentAtIndex(index, box);
                } else {
                    box.show(card);
                    if (cards.getComponentAt(index) != box) {
                        cards.addComponentAtIndex(index, box);
                    }
                }
                index++;
            }
            shown.entrySet().removeIf(entry -> {
                if (!seen.contains(entry.getKey())) {
                    cards.remove(entry.getValue());
                    return true;
                }
                return false;
            });
            hidden.setText(column.hiddenCards() == 0 ? "" : column.hiddenCards() + (column.hiddenCards() == 1 ? " card" : " cards")
                    + " by others, shown when the facilitator reveals them");
        }
    }

    private final class CardBox extends Div {

        private final Span text = new Span();
        private final Span author = new Span();
        private final Div tools = new Div();
        private CardView card;

        CardBox(CardView card) {
            this.card = card;
            addClassName("retro-card");
            text.addClassName("retro-card-text");
            author.addClassName("retro-card-author");
            tools.addClassName("retro-card-tools");
            Button edit = icon(VaadinIcon.EDIT, "Edit card", () -> edit(this.card));
            Button delete = icon(VaadinIcon.TRASH, "Delete card", () -> delete(this.card));
            tools.add(edit, delete);
            add(text, author, tools);
            show(card);
        }

        void show(CardView card) {
            this.card = card;
            text.setText(card.text());
            author.setText(card.author() == null ? (card.mine() ? "You" : "") : card.author());
            tools.setVisible(card.mine());
            setClassName("retro-card-mine", card.mine());
        }
    }

    private void edit(CardView card) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Edit card");
        TextArea text = new TextArea();
        text.setValue(card.text());
        text.setMaxLength(RetroCard.TEXT_MAX);
        text.setWidth("28rem");
        text.setAriaLabel("Card text");
        Button save = new Button("Save", e -> {
            if (changes.attempt(() -> work.editCard(card.id(), text.getValue()))) {
                dialog.close();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(text);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
        text.focus();
    }

    private void delete(CardView card) {
        ConfirmDialog confirm = new ConfirmDialog("Delete this card?", "“" + abbreviate(card.text()) + "” will be gone for good.", "Delete",
                e -> changes.attempt(() -> work.deleteCard(card.id())));
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.open();
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 79) + "…";
    }

    static Button icon(VaadinIcon icon, String label, Runnable click) {
        Button button = new Button(icon.create(), e -> click.run());
        button.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        button.setAriaLabel(label);
        button.setTooltipText(label);
        return button;
    }
}
