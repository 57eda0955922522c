package app.cadence.retro.domain;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A session's board as one person may see it (see {@link BoardProjection}): nothing in it names
 * the author of a card of an anonymous session, another person's rating, or another person's
 * dots before voting ends.
 *
 * @param myVotesLeft   the viewer's dots still to place
 * @param topics        groups of cards; sorted by votes once voting has ended
 */
public record RetroBoard(Long sessionId, RetroPhase phase, boolean anonymous, boolean cardsRevealed, boolean ratingsRevealed,
                         int voteBudget, int myVotesLeft, List<ColumnView> columns, List<RatingView> ratings, List<TopicView> topics,
                         @Nullable Long topicUnderDiscussion, boolean votesShown) {

    public RetroBoard {
        columns = List.copyOf(columns);
        ratings = List.copyOf(ratings);
        topics = List.copyOf(topics);
    }

    /** @param hiddenCards others' cards not yet revealed: counted, never shown */
    public record ColumnView(UUID key, String title, @Nullable String prompt, List<CardView> cards, int hiddenCards) {
        public ColumnView {
            cards = List.copyOf(cards);
        }
    }

    /** @param author the writer's name: only on a card of a session that is not anonymous */
    public record CardView(Long id, Long groupId, UUID columnKey, String text, boolean mine, @Nullable String author) {
    }

    /**
     * @param votes   everyone's dots: null until voting has ended
     * @param myVotes the viewer's own dots
     */
    public record TopicView(Long groupId, UUID columnKey, String columnTitle, String title, boolean named, List<CardView> cards,
                            @Nullable Integer votes, int myVotes, @Nullable String notes) {
        public TopicView {
            cards = List.copyOf(cards);
        }
    }

    /**
     * @param distribution how many answered 1, 2, 3, 4, 5: empty until revealed
     * @param average      null until revealed, or when nobody answered
     */
    public record RatingView(UUID key, String question, @Nullable String prompt, @Nullable Integer myScore, int answers,
                             List<Integer> distribution, @Nullable Double average) {
        public RatingView {
            distribution = List.copyOf(distribution);
        }
    }

    public @Nullable TopicView topic(Long groupId) {
        return topics.stream().filter(t -> t.groupId().equals(groupId)).findFirst().orElse(null);
    }

    public int cardCount() {
        return topics.stream().mapToInt(t -> t.cards().size()).sum();
    }
}
