package app.cadence.retro.ui;

import app.cadence.retro.domain.RetroBoard;
import app.cadence.retro.domain.RetroBoard.TopicView;
import app.cadence.retro.service.RetroBoardWork;
import app.cadence.retro.service.RetroScreen;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * Vote: each topic with the person's own dots and buttons to place or take back one; the dots
 * left of the budget on top. Nobody sees anyone else's dots until voting ends.
 */
class VotePanel extends Div implements BoardPanel {

    private final RetroBoardWork work;
    private final BoardChanges changes;
    private final Span left = new Span();
    private final Div topics = new Div();

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
        topics.removeAll();
        for (TopicView topic : board.topics()) {
            topics.add(topic(topic, board, screen.iMayTakePart()));
        }
    }

    private Div topic(TopicView topic, RetroBoard board, boolean mayVote) {
        Div box = new Div();
        box.addClassName("retro-topic");
        Span title = new Span(topic.title());
        title.addClassName("retro-topic-title");
        Span cards = new Span(topic.columnTitle() + " · " + topic.cards().size() + (topic.cards().size() == 1 ? " card" : " cards"));
        cards.addClassName("hint");
        box.add(title, cards);
        if (topic.cards().size() > 1 || !topic.named()) {
            Div texts = new Div();
            texts.addClassName("retro-topic-cards");
            topic.cards().forEach(c -> texts.add(new Div(new Span(c.text()))));
            box.add(texts);
        }
        if (mayVote) {
            Span dots = new Span("●".repeat(topic.myVotes()));
            dots.addClassName("retro-dots");
            dots.getElement().setAttribute("aria-label", topic.myVotes() + " of your dots");
            Button minus = new Button("−", e -> changes.attempt(() -> work.vote(topic.groupId(), -1)));
            minus.setAriaLabel("Take a dot back from " + topic.title());
            minus.setEnabled(topic.myVotes() > 0);
            Button plus = new Button("+", e -> changes.attempt(() -> work.vote(topic.groupId(), 1)));
            plus.setAriaLabel("Put a dot on " + topic.title());
            plus.setEnabled(board.myVotesLeft() > 0);
            plus.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            for (Button button : new Button[] {minus, plus}) {
                button.addThemeVariants(ButtonVariant.LUMO_SMALL);
            }
            Div voting = new Div(minus, dots, plus);
            voting.addClassName("retro-voting");
            box.add(voting);
        }
        return box;
    }
}
