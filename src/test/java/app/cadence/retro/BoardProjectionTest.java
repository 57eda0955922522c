package app.cadence.retro;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.retro.domain.AuthorTokens;
import app.cadence.retro.domain.BoardProjection;
import app.cadence.retro.domain.RetroBoard;
import app.cadence.retro.domain.RetroCard;
import app.cadence.retro.domain.RetroGroup;
import app.cadence.retro.domain.RetroRating;
import app.cadence.retro.domain.RetroSession;
import app.cadence.retro.domain.RetroVote;
import app.cadence.template.domain.RetroPrompt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** Who sees what of a board: own cards while reflecting, no author on anonymous cards, votes hidden until voting ends, ratings as a distribution. */
class BoardProjectionTest {

    static final Instant NINE = RetroSessionTest.NINE;
    static final Long ANA = 1L;
    static final Long BEN = 2L;

    final RetroPrompt wentWell = new RetroPrompt(UUID.randomUUID(), "Went well", null, false);
    final RetroPrompt improve = new RetroPrompt(UUID.randomUUID(), "To improve", null, false);
    final RetroPrompt mood = new RetroPrompt(UUID.randomUUID(), "How was the sprint?", null, true);
    final List<RetroPrompt> prompts = List.of(mood, wentWell, improve);

    final List<RetroCard> cards = new ArrayList<>();
    final List<RetroGroup> groups = new ArrayList<>();
    final List<RetroVote> votes = new ArrayList<>();
    final List<RetroRating> ratings = new ArrayList<>();
    long ids = 100;

    RetroGroup card(RetroSession session, Long author, String name, RetroPrompt column, String text) {
        RetroGroup group = new RetroGroup(session.getId(), column.key(), NINE);
        ReflectionTestUtils.setField(group, "id", ids++);
        groups.add(group);
        RetroCard card = new RetroCard(session, group.getId(), column.key(), text, author, name, NINE);
        ReflectionTestUtils.setField(card, "id", ids++);
        cards.add(card);
        return group;
    }

    RetroBoard as(RetroSession session, Long viewer) {
        return BoardProjection.project(session, prompts, new BoardProjection.Contents(cards, groups, votes, ratings), viewer);
    }

    @Test
    void whileReflectingEachSeesOnlyTheirOwnCardsAndACountOfTheOthers() {
        RetroSession session = RetroSessionTest.session(true);
        session.advance(NINE);
        card(session, ANA, "Ana", wentWell, "Pairing on the migration");
        card(session, BEN, "Ben", wentWell, "Fast reviews");
        card(session, BEN, "Ben", improve, "Flaky tests");

        RetroBoard ana = as(session, ANA);
        assertThat(ana.columns().getFirst().cards()).extracting(RetroBoard.CardView::text).containsExactly("Pairing on the migration");
        assertThat(ana.columns().getFirst().hiddenCards()).isEqualTo(1);
        assertThat(ana.columns().get(1).hiddenCards()).isEqualTo(1);
        assertThat(ana.topics()).hasSize(1);

        session.revealCards(NINE);
        RetroBoard revealed = as(session, ANA);
        assertThat(revealed.cardCount()).isEqualTo(3);
        assertThat(revealed.columns().getFirst().cards()).extracting(RetroBoard.CardView::mine).containsExactly(true, false);
    }

    @Test
    void anAnonymousCardNamesNobodyEvenWhenRevealedButANamedSessionShowsTheAuthor() {
        RetroSession anonymous = RetroSessionTest.session(true);
        anonymous.advance(NINE);
        card(anonymous, BEN, "Ben", improve, "Flaky tests");
        anonymous.revealCards(NINE);
        assertThat(cards.getFirst().getAuthorName()).as("not even stored").isNull();
        assertThat(as(anonymous, ANA).topics().getFirst().cards().getFirst().author()).isNull();
        assertThat(as(anonymous, BEN).topics().getFirst().cards().getFirst()).satisfies(card -> {
            assertThat(card.mine()).as("Ben still knows his card").isTrue();
            assertThat(card.author()).isNull();
        });

        cards.clear();
        groups.clear();
        RetroSession named = RetroSessionTest.session(false);
        named.advance(NINE);
        card(named, BEN, "Ben", improve, "Flaky tests");
        named.revealCards(NINE);
        assertThat(as(named, ANA).topics().getFirst().cards().getFirst().author()).isEqualTo("Ben");
    }

    @Test
    void votesAreOwnOnlyWhileVotingThenTotalsSortTheTopics() {
        RetroSession session = RetroSessionTest.session(true);
        session.advance(NINE);
        RetroGroup pairing = card(session, ANA, "Ana", wentWell, "Pairing");
        RetroGroup flaky = card(session, BEN, "Ben", improve, "Flaky tests");
        session.advance(NINE);
        session.advance(NINE);
        vote(session, ANA, flaky, 2);
        vote(session, BEN, flaky, 1);
        vote(session, BEN, pairing, 1);

        RetroBoard voting = as(session, ANA);
        assertThat(voting.votesShown()).isFalse();
        assertThat(voting.topics()).allSatisfy(t -> assertThat(t.votes()).isNull());
        assertThat(voting.topic(flaky.getId()).myVotes()).isEqualTo(2);
        assertThat(voting.topic(pairing.getId()).myVotes()).isZero();
        assertThat(voting.myVotesLeft()).isEqualTo(1);

        session.advance(NINE);
        RetroBoard discussing = as(session, ANA);
        assertThat(discussing.topics()).extracting(RetroBoard.TopicView::title).containsExactly("Flaky tests", "Pairing");
        assertThat(discussing.topics()).extracting(RetroBoard.TopicView::votes).containsExactly(3, 1);
    }

    @Test
    void ratingsShowOnlyMyOwnAnswerUntilRevealedThenTheDistribution() {
        RetroSession session = RetroSessionTest.session(true);
        rate(session, ANA, 4);
        rate(session, BEN, 2);
        RetroBoard.RatingView before = as(session, ANA).ratings().getFirst();
        assertThat(before.myScore()).isEqualTo(4);
        assertThat(before.answers()).isEqualTo(2);
        assertThat(before.distribution()).isEmpty();
        assertThat(before.average()).isNull();

        session.revealRatings(NINE);
        RetroBoard.RatingView after = as(session, BEN).ratings().getFirst();
        assertThat(after.distribution()).containsExactly(0, 1, 0, 1, 0);
        assertThat(after.average()).isEqualTo(3.0);
        assertThat(after.myScore()).isEqualTo(2);
    }

    private void vote(RetroSession session, Long voter, RetroGroup group, int dots) {
        RetroVote vote = new RetroVote(session.getId(), group.getId(), session.tokenOf(AuthorTokens.Purpose.VOTE, voter));
        vote.add(dots);
        votes.add(vote);
    }

    private void rate(RetroSession session, Long rater, int score) {
        ratings.add(new RetroRating(session.getId(), mood.key(), session.tokenOf(AuthorTokens.Purpose.RATING, rater), score));
    }
}
