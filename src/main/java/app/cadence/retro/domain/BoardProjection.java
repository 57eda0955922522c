package app.cadence.retro.domain;

import app.cadence.retro.domain.RetroBoard.CardView;
import app.cadence.retro.domain.RetroBoard.ColumnView;
import app.cadence.retro.domain.RetroBoard.RatingView;
import app.cadence.retro.domain.RetroBoard.TopicView;
import app.cadence.template.domain.RetroPrompt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Who sees what of a board — the anonymity and visibility rules in one place:
 * <ul>
 *   <li>while reflecting, a participant sees only their own cards until the facilitator reveals
 *       them all (moving on to grouping reveals them too);</li>
 *   <li>a card names its author only when the session is not anonymous (an anonymous session
 *       stores no name to show);</li>
 *   <li>ratings are never shown per person; their distribution once revealed;</li>
 *   <li>during voting each person sees only their own dots; totals from the discussion on, when
 *       topics are sorted by them.</li>
 * </ul>
 */
public final class BoardProjection {

    private BoardProjection() {
    }

    public record Contents(List<RetroCard> cards, List<RetroGroup> groups, List<RetroVote> votes, List<RetroRating> ratings) {
    }

    public static RetroBoard project(RetroSession session, List<RetroPrompt> prompts, Contents contents, Long viewerId) {
        String cardToken = session.tokenOf(AuthorTokens.Purpose.CARD, viewerId);
        String voteToken = session.tokenOf(AuthorTokens.Purpose.VOTE, viewerId);
        String ratingToken = session.tokenOf(AuthorTokens.Purpose.RATING, viewerId);
        boolean allCards = session.isCardsRevealed();
        boolean votesShown = !session.getPhase().isBefore(RetroPhase.DISCUSS);

        Map<UUID, RetroPrompt> columnsByKey = new LinkedHashMap<>();
        prompts.stream().filter(p -> !p.rating()).forEach(p -> columnsByKey.put(p.key(), p));

        Map<Long, List<CardView>> cardsByGroup = new HashMap<>();
        Map<UUID, List<CardView>> cardsByColumn = new HashMap<>();
        Map<UUID, Integer> hidden = new HashMap<>();
        for (RetroCard card : contents.cards()) {
            boolean mine = card.writtenBy(cardToken);
            if (!allCards && !mine) {
                hidden.merge(card.getColumnKey(), 1, Integer::sum);
                continue;
            }
            CardView view = new CardView(Objects.requireNonNull(card.getId()), card.getGroupId(), card.getColumnKey(), card.getText(), mine,
                    session.isAnonymous() ? null : card.getAuthorName());
            cardsByGroup.computeIfAbsent(card.getGroupId(), g -> new ArrayList<>()).add(view);
            cardsByColumn.computeIfAbsent(card.getColumnKey(), c -> new ArrayList<>()).add(view);
        }

        List<ColumnView> columns = columnsByKey.values().stream()
                .map(p -> new ColumnView(p.key(), p.title(), p.prompt(), cardsByColumn.getOrDefault(p.key(), List.of()), hidden.getOrDefault(p.key(), 0)))
                .toList();

        Map<Long, Integer> totals = new HashMap<>();
        Map<Long, Integer> mine = new HashMap<>();
        int used = 0;
        for (RetroVote vote : contents.votes()) {
            totals.merge(vote.getGroupId(), vote.getDots(), Integer::sum);
            if (vote.getVoterToken().equals(voteToken)) {
                mine.merge(vote.getGroupId(), vote.getDots(), Integer::sum);
                used += vote.getDots();
            }
        }

        List<TopicView> topics = new ArrayList<>();
        for (RetroGroup group : contents.groups()) {
            List<CardView> cards = cardsByGroup.getOrDefault(group.getId(), List.of());
            if (cards.isEmpty()) {
                continue;
            }
            RetroPrompt column = columnsByKey.get(group.getColumnKey());
            String title = group.getTitle() != null ? group.getTitle() : firstLine(cards.getFirst().text());
            topics.add(new TopicView(Objects.requireNonNull(group.getId()), group.getColumnKey(), column == null ? "" : column.title(), title,
                    group.getTitle() != null, cards, votesShown ? totals.getOrDefault(group.getId(), 0) : null,
                    mine.getOrDefault(group.getId(), 0), group.getNotes()));
        }
        if (votesShown) {
            topics.sort(Comparator.comparing((TopicView t) -> -Objects.requireNonNull(t.votes())));
        }

        List<RatingView> ratings = new ArrayList<>();
        for (RetroPrompt question : prompts.stream().filter(RetroPrompt::rating).toList()) {
            int[] counts = new int[RetroRating.HIGHEST];
            Integer myScore = null;
            int answers = 0;
            for (RetroRating rating : contents.ratings()) {
                if (rating.getPromptKey().equals(question.key())) {
                    counts[rating.getScore() - 1]++;
                    answers++;
                    if (rating.getRaterToken().equals(ratingToken)) {
                        myScore = rating.getScore();
                    }
                }
            }
            boolean shown = session.isRatingsRevealed();
            List<Integer> distribution = shown ? java.util.Arrays.stream(counts).boxed().toList() : List.of();
            Double average = shown && answers > 0 ? averageOf(counts, answers) : null;
            ratings.add(new RatingView(question.key(), question.title(), question.prompt(), myScore, answers, distribution, average));
        }

        return new RetroBoard(Objects.requireNonNull(session.getId()), session.getPhase(), session.isAnonymous(), allCards,
                session.isRatingsRevealed(), session.getVoteBudget(), Math.max(0, session.getVoteBudget() - used), columns, ratings, topics,
                session.getTopicGroupId(), votesShown);
    }

    static double averageOf(int[] counts, int answers) {
        int sum = 0;
        for (int i = 0; i < counts.length; i++) {
            sum += (i + 1) * counts[i];
        }
        return Math.round(sum * 10.0 / answers) / 10.0;
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse(text);
        return line.length() <= 80 ? line : line.substring(0, 79) + "…";
    }
}
