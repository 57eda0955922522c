package app.cadence.retro.service;

import app.cadence.retro.domain.AuthorTokens;
import app.cadence.retro.domain.RetroCard;
import app.cadence.retro.domain.RetroCardRepository;
import app.cadence.retro.domain.RetroGroup;
import app.cadence.retro.domain.RetroGroupRepository;
import app.cadence.retro.domain.RetroPhase;
import app.cadence.retro.domain.RetroRating;
import app.cadence.retro.domain.RetroRatingRepository;
import app.cadence.retro.domain.RetroRuleException;
import app.cadence.retro.domain.RetroSession;
import app.cadence.retro.domain.RetroVote;
import app.cadence.retro.domain.RetroVoteRepository;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.CadenceUser;
import app.cadence.tenancy.service.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What participants do on the board: rate at check-in, write cards while reflecting (and edit or
 * delete their own), group cards, vote within the budget, and keep notes on the topic under
 * discussion. Each change locks the session, so the phase, a vote budget and twenty people
 * writing at once never interleave.
 *
 * <p>Read committed, on purpose: a change to a card or a topic reads it before it can know which
 * session to lock, and under MySQL's repeatable read that first read fixes the transaction's
 * snapshot — so after waiting for the lock it would still read the votes as they were before the
 * previous voter committed, and one person's quick double click stored two rows for one topic
 * (RetroSessionServiceTest on MariaDB). Under read committed every read after the lock sees what
 * the transactions before it committed. The same holds for {@link RetroActions} and {@link RetroSessions}.
 */
@Service
@NamedInterface("api")
@Transactional(isolation = Isolation.READ_COMMITTED)
@RolesAllowed(RoleSets.MEMBERS)
public class RetroBoardWork {

    private final RetroStore store;
    private final RetroCardRepository cards;
    private final RetroGroupRepository groups;
    private final RetroVoteRepository votes;
    private final RetroRatingRepository ratings;

    RetroBoardWork(RetroStore store, RetroCardRepository cards, RetroGroupRepository groups, RetroVoteRepository votes,
                   RetroRatingRepository ratings) {
        this.store = store;
        this.cards = cards;
        this.groups = groups;
        this.votes = votes;
        this.ratings = ratings;
    }

    /** Answers (or changes the answer to) a check-in question, 1 to 5. */
    public void rate(Long sessionId, UUID questionKey, int score) {
        RetroSession session = participate(sessionId);
        session.requirePhase(RetroPhase.CHECK_IN, "rate");
        if (store.plan(session).ratingQuestion(questionKey) == null) {
            throw new RecordNotFoundException("Question", questionKey);
        }
        String token = session.tokenOf(AuthorTokens.Purpose.RATING, RetroStore.me().userId());
        ratings.findBySession(TenantContext.requireTenantId(), sessionId).stream()
                .filter(r -> r.getPromptKey().equals(questionKey) && r.getRaterToken().equals(token)).findFirst()
                .ifPresentOrElse(r -> r.rescore(score), () -> ratings.save(new RetroRating(sessionId, questionKey, token, score)));
        store.announceAnonymously(session, "RATING");
    }

    /** Adds a card to a column, in a group of its own. Returns its id. */
    public Long addCard(Long sessionId, UUID columnKey, String text) {
        RetroSession session = participate(sessionId);
        session.requirePhase(RetroPhase.REFLECT, "add cards");
        if (store.plan(session).column(columnKey) == null) {
            throw new RecordNotFoundException("Column", columnKey);
        }
        String checked = RetroCard.checkedText(text);
        RetroGroup group = groups.save(new RetroGroup(sessionId, columnKey, store.now()));
        CadenceUser me = RetroStore.me();
        RetroCard card = cards.save(new RetroCard(session, Objects.requireNonNull(group.getId()), columnKey, checked, me.userId(),
                me.displayName(), store.now()));
        announceCard(session, "CARD_ADDED");
        return Objects.requireNonNull(card.getId());
    }

    /** Rewrites one of my own cards, while reflecting or grouping. */
    public void editCard(Long cardId, String text) {
        RetroCard card = ownCard(cardId, "edit");
        card.rewrite(text);
        announceCard(store.find(card.getSessionId()), "CARD_EDITED");
    }

    /** Deletes one of my own cards while reflecting; its group goes with it when it was alone. */
    public void deleteCard(Long cardId) {
        RetroCard card = ownCard(cardId, "delete");
        RetroSession session = store.find(card.getSessionId());
        session.requirePhase(RetroPhase.REFLECT, "delete cards");
        Long groupId = card.getGroupId();
        cards.delete(card);
        cards.flush();
        dropIfEmpty(groupId);
        announceCard(session, "CARD_DELETED");
    }

    /**
     * Drops a card onto another card's group (or, with {@code targetGroupId} null, takes it out
     * into a group of its own). An emptied group goes.
     */
    public void group(Long cardId, @Nullable Long targetGroupId) {
        RetroCard card = cards.findInTenant(cardId, TenantContext.requireTenantId()).orElseThrow(() -> new RecordNotFoundException("Card", cardId));
        RetroSession session = participate(card.getSessionId());
        session.requirePhase(RetroPhase.GROUP, "group cards");
        Long from = card.getGroupId();
        if (targetGroupId == null) {
            if (cards.countInGroup(TenantContext.requireTenantId(), from) == 1) {
                return;
            }
            RetroGroup own = groups.save(new RetroGroup(session.getId(), card.getColumnKey(), store.now()));
            card.moveTo(Objects.requireNonNull(own.getId()));
        } else {
            if (targetGroupId.equals(from)) {
                return;
            }
            store.requireGroupOf(session, targetGroupId);
            card.moveTo(targetGroupId);
        }
        cards.flush();
        dropIfEmpty(from);
        store.announce(session, "GROUPED", Set.of());
    }

    public void renameGroup(Long groupId, @Nullable String title) {
        RetroGroup group = groups.findInTenant(groupId, TenantContext.requireTenantId()).orElseThrow(() -> new RecordNotFoundException("Topic", groupId));
        RetroSession session = participate(group.getSessionId());
        if (session.getPhase().isBefore(RetroPhase.GROUP) || session.getPhase() == RetroPhase.CLOSED) {
            throw new RetroRuleException("Groups are named from the Group phase until the retrospective closes.");
        }
        group.rename(title);
        store.announce(session, "GROUP_NAMED", Set.of());
    }

    /**
     * Puts one more dot on a topic ({@code change} +1) or takes one back (-1), within the
     * session's budget per person; several dots on one topic are allowed.
     */
    public void vote(Long groupId, int change) {
        if (change != 1 && change != -1) {
            throw new IllegalArgumentException("A vote adds or removes one dot");
        }
        RetroGroup group = groups.findInTenant(groupId, TenantContext.requireTenantId()).orElseThrow(() -> new RecordNotFoundException("Topic", groupId));
        RetroSession session = participate(group.getSessionId());
        session.requirePhase(RetroPhase.VOTE, "vote");
        String token = session.tokenOf(AuthorTokens.Purpose.VOTE, RetroStore.me().userId());
        Long tenantId = TenantContext.requireTenantId();
        int used = votes.findByVoter(tenantId, session.getId(), token).stream().mapToInt(RetroVote::getDots).sum();
        RetroVote vote = votes.findOne(tenantId, session.getId(), token, groupId).orElse(null);
        if (change > 0 && used >= session.getVoteBudget()) {
            throw new RetroRuleException("You have placed all your " + session.getVoteBudget() + " dots; take one back to move it.");
        }
        if (change < 0 && (vote == null || vote.getDots() == 0)) {
            throw new RetroRuleException("You have no dot on this topic to take back.");
        }
        if (vote == null) {
            vote = votes.save(new RetroVote(session.getId(), groupId, token));
        }
        vote.add(change);
        store.announceAnonymously(session, "VOTE");
    }

    /** Notes on a topic, while discussing it (or afterwards, until the retrospective closes). */
    public void writeNotes(Long groupId, @Nullable String notes) {
        RetroGroup group = groups.findInTenant(groupId, TenantContext.requireTenantId()).orElseThrow(() -> new RecordNotFoundException("Topic", groupId));
        RetroSession session = participate(group.getSessionId());
        if (session.getPhase().isBefore(RetroPhase.DISCUSS) || session.getPhase() == RetroPhase.CLOSED) {
            throw new RetroRuleException("Notes are taken from the Discuss phase until the retrospective closes.");
        }
        group.writeNotes(notes);
        store.announce(session, "NOTES", Set.of());
    }

    private RetroSession participate(Long sessionId) {
        RetroStore.requireMayTakePart();
        RetroSession session = store.lock(sessionId);
        session.requireOpen();
        return session;
    }

    private RetroCard ownCard(Long cardId, String what) {
        RetroCard card = cards.findInTenant(cardId, TenantContext.requireTenantId()).orElseThrow(() -> new RecordNotFoundException("Card", cardId));
        RetroSession session = participate(card.getSessionId());
        if (!card.writtenBy(session.tokenOf(AuthorTokens.Purpose.CARD, RetroStore.me().userId()))) {
            throw new org.springframework.security.access.AccessDeniedException("You can " + what + " only your own cards.");
        }
        if (session.getPhase() != RetroPhase.REFLECT && session.getPhase() != RetroPhase.GROUP) {
            throw new RetroRuleException("Cards are written while reflecting and grouping; the retrospective is in " + session.getPhase().label() + ".");
        }
        return card;
    }

    private void dropIfEmpty(Long groupId) {
        if (cards.countInGroup(TenantContext.requireTenantId(), groupId) == 0) {
            groups.findInTenant(groupId, TenantContext.requireTenantId()).ifPresent(groups::delete);
        }
    }

    private void announceCard(RetroSession session, String change) {
        if (session.isAnonymous()) {
            store.announceAnonymously(session, change);
        } else {
            store.announce(session, change, Set.of());
        }
    }
}
