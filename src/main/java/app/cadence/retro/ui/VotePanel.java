package app.cadence.retro.ui;

import app.cadence.retro.domain.RetroBoard;
import app.cadence.retro.domain.RetroBoard.TopicView;
import app.cadence.retro.service.RetroBoardWork;
import app.cadence.retro.service.RetroScreen;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Vote: each topic with the person's own dots and buttons to place or take back one; the dots
 * left of the budget on top. Nobody sees anyone else's dots until voting ends.
 *
 * <p>Topic boxes and their buttons are kept by topic between reads: a click made while a refresh
 * is on its way must still name a button that exists, or Flow drops it (what the run simulation
 * found on the Now board).
 */
class VotePanel extends Div implements BoardPanel {

    private final RetroBoardWork work;
    private final BoardChanges changes;
    private final Span left = new Span();
    private final Div topics = new Div();
    private final Map<Long, TopicBox> boxes = new HashMap<>();

    VotePanel(RetroBoardWork work, BoardChanges changes) {
        this.work = work;
        this.changes = changes;
        addClassName("retro-vote");
        left.addClassName("retro-votes-left");
        topics.addClassName("retro-topics");
        add(left, topics);
    }

    @Override
    public void show(RetroScreen screen) {
        RetroBoard board = screen.board();
        left.setText(screen.iMayTakePart()
                ? board.myVotesLeft() + " of " + board.voteBudget() + " dots left · several on one topic are allowed · totals show when voting ends"
                : "Participants are voting; totals show when voting ends.");
        Set<Long> seen = new HashSet<>();
        int index = 0;
        for (TopicView topic : board.topics()) {
            seen.add(topic.groupId());
            TopicBox box = boxes.computeIfAbsent(topic.groupId(), id -> new TopicBox(id, screen.iMayTakePart()));
            if (topics.getChildren().skip(index).findFirst().orElse(null) != box) {
                topics.addComponentAtIndex(index, box);
            }
            box.show(topic, board);
            index++;
        }
        boxes.entrySet().removeIf(entry -> {
            if (!seen.contains(entry.getKey())) {
                topics.remove(entry.getValue());
                return true;
            }
            return false;
        });
    }

    private final class TopicBox extends Div {

        private final Span title = new Span();
        private final Span cards = new Span();
        private final Div texts = new Div();
        private final Span dots = new Span();
        private final Button minus;
        private final Button plus;

        TopicBox(Long groupId, boolean mayVote) {
            addClassName("retro-topic");
            title.addClassName("retro-topic-title");
            cards.addClassName("hint");
            texts.addClassName("retro-topic-cards");
            dots.addClassName("retro-dots");
            minus = new Button("−", e -> changes.attempt(() -> work.vote(groupId, -1)));
            plus = new Button("+", e -> changes.attempt(() -> work.vote(groupId, 1)));
            plus.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            minus.addThemeVariants(ButtonVariant.LUMO_SMALL);
            plus.addThemeVariants(ButtonVariant.LUMO_SMALL);
            Div voting = new Div(minus, dots, plus);
            voting.addClassName("retro-voting");
            voting.setVisible(mayVote);
            add(title, cards, texts, voting);
        }

        void show(TopicView topic, RetroBoard board) {
            title.setText(topic.title());
            cards.setText(topic.columnTitle() + " · " + topic.cards().size() + (topic.cards().size() == 1 ? " card" : " cards"));
            texts.removeAll();
            if (topic.cards().size() > 1 || topic.named()) {
                topic.cards().forEach(c -> texts.add(new Div(new Span(c.text()))));
            }
            texts.setVisible(texts.getComponentCount() > 0);
            dots.setText("●".repeat(topic.myVotes()));
            dots.getElement().setAttribute("aria-label", topic.myVotes() + " of your dots");
            minus.setAriaLabel("Take a dot back from " + topic.title());
            minus.setEnabled(topic.myVotes() > 0);
            plus.setAriaLabel("Put a dot on " + topic.title());
            plus.setEnabled(board.myVotesLeft() > 0);
        }
    }
}
