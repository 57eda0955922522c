package app.cadence.retro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.retro.domain.ActionStatus;
import app.cadence.retro.domain.RetroBoard;
import app.cadence.retro.domain.RetroPhase;
import app.cadence.retro.domain.RetroRuleException;
import app.cadence.retro.events.RetroChanged;
import app.cadence.retro.service.ActionRow;
import app.cadence.retro.service.RetroActions;
import app.cadence.retro.service.RetroBoardWork;
import app.cadence.retro.service.RetroReading;
import app.cadence.retro.service.RetroScreen;
import app.cadence.retro.service.RetroSessions;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.IntegrationTest;
import app.cadence.support.SampleTemplates;
import app.cadence.support.Simultaneously;
import app.cadence.support.TestClock;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantProvisioning;
import app.cadence.tenancy.service.TenantScope;
import app.cadence.work.domain.Anchors;
import app.cadence.work.service.InstanceApplication;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * A retrospective session through the services: from check-in to close, with the role matrix
 * (a viewer watches, participants write and vote, only the facilitator moves on), anonymity as
 * stored and announced, the vote budget under concurrent clicks, carry-over of open actions, and
 * tenant isolation.
 */
@IntegrationTest
@RecordApplicationEvents
class RetroSessionServiceTest {

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired TenantProvisioning provisioning;
    @Autowired InstanceApplication applying;
    @Autowired RetroSessions sessions;
    @Autowired RetroBoardWork board;
    @Autowired RetroActions actions;
    @Autowired RetroReading reading;
    @Autowired app.cadence.retro.service.RetroExports exports;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEvents events;
    @Autowired TestClock clock;
    @Autowired org.springframework.transaction.support.TransactionTemplate transactions;
    @Autowired app.cadence.retro.domain.RetroSessionRepository storedSessions;
    @Autowired app.cadence.retro.domain.RetroCardRepository storedCards;
    @Autowired app.cadence.retro.domain.RetroGroupRepository storedGroups;
    @Autowired app.cadence.retro.domain.RetroVoteRepository storedVotes;
    @Autowired app.cadence.retro.domain.RetroRatingRepository storedRatings;
    @Autowired app.cadence.retro.domain.RetroActionRepository storedActions;

    Tenant tenant;
    Member pmo;
    Member pm;
    Member ana;
    Member ben;
    Member viewer;
    Long projectId;
    Long templateId;
    Long sessionId;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant("Retro");
        provisioning.changeTimeZone(tenant.id(), ZoneOffset.UTC);
        pmo = fixtures.member(tenant, Role.PMO);
        pm = fixtures.member(tenant, Role.PM);
        ana = fixtures.member(tenant, Role.CONTRIBUTOR);
        ben = fixtures.member(tenant, Role.CONTRIBUTOR);
        viewer = fixtures.member(tenant, Role.VIEWER);
        projectId = fixtures.project(pm, "RS-" + UUID.randomUUID().toString().substring(0, 4), "Retro sessions");
        templateId = fixtures.publishedTemplate(pmo, "Sprint retro", SampleTemplates.retrospective());
        sessionId = applyRetro("Sprint 14 retro");
    }

    Long applyRetro(String name) {
        LocalDateTime at = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).plusHours(1);
        Long instanceId = as(pm, () -> {
            Long versionId = applying.applicableTemplates().stream().filter(t -> t.id().equals(templateId)).findFirst().orElseThrow().latest().id();
            return applying.instantiate(new InstantiationRequest(projectId, templateId, versionId, name, Anchors.at(at)));
        });
        return as(pm, () -> sessions.sessionOf(instanceId)).orElseThrow();
    }

    <T> T as(Member member, Supplier<T> action) {
        return scope.call(member.userId(), member.tenantId(), action);
    }

    void as(Member member, Runnable action) {
        scope.run(member.userId(), member.tenantId(), action);
    }

    RetroScreen screen(Member member) {
        return as(member, () -> reading.screen(sessionId));
    }

    UUID column(String title) {
        return screen(pm).board().columns().stream().filter(c -> c.title().equals(title)).findFirst().orElseThrow().key();
    }

    void advanceTo(RetroPhase phase) {
        while (screen(pm).board().phase() != phase) {
            as(pm, () -> sessions.advance(sessionId));
        }
    }

    @Test
    void applyingARetrospectiveOpensItsSessionFacilitatedByWhoeverAppliedIt() {
        RetroScreen screen = screen(ana);
        assertThat(screen.facilitatorName()).isEqualTo(pm.name());
        assertThat(screen.format()).isEqualTo("Sprint retrospective");
        assertThat(screen.board().phase()).isEqualTo(RetroPhase.CHECK_IN);
        assertThat(screen.board().anonymous()).as("the template's default").isTrue();
        assertThat(screen.board().voteBudget()).isEqualTo(3);
        assertThat(screen.board().columns()).extracting(RetroBoard.ColumnView::title).containsExactly("Went well", "To improve", "Try next");
        assertThat(screen.board().ratings()).extracting(RetroBoard.RatingView::question).containsExactly("How was the sprint?");
        assertThat(screen.iFacilitate()).isFalse();
        assertThat(screen(pm).iFacilitate()).isTrue();
    }

    @Test
    void aTeamRunsASessionFromCheckInToClose() {
        UUID mood = screen(pm).board().ratings().getFirst().key();
        as(ana, () -> board.rate(sessionId, mood, 4));
        as(ben, () -> board.rate(sessionId, mood, 2));
        as(ben, () -> board.rate(sessionId, mood, 3));
        assertThat(screen(ana).board().ratings().getFirst().distribution()).as("hidden until revealed").isEmpty();
        as(pm, () -> sessions.revealRatings(sessionId));
        assertThat(screen(ana).board().ratings().getFirst().distribution()).containsExactly(0, 0, 1, 1, 0);

        advanceTo(RetroPhase.REFLECT);
        UUID wentWell = column("Went well");
        UUID improve = column("To improve");
        Long pairing = as(ana, () -> board.addCard(sessionId, wentWell, "Pairing on the migration"));
        Long flaky = as(ben, () -> board.addCard(sessionId, improve, "Flaky integration tests"));
        Long slowCi = as(ana, () -> board.addCard(sessionId, improve, "CI takes 40 minutes"));
        assertThat(screen(ben).board().cardCount()).as("Ben sees his own card only").isEqualTo(1);
        assertThatThrownBy(() -> as(ben, () -> board.editCard(pairing, "Mine now"))).isInstanceOf(AccessDeniedException.class);
        as(pm, () -> sessions.revealCards(sessionId));
        assertThat(screen(ben).board().cardCount()).isEqualTo(3);

        advanceTo(RetroPhase.GROUP);
        Long flakyGroup = groupOf(flaky);
        as(ben, () -> board.group(slowCi, flakyGroup));
        as(ana, () -> board.renameGroup(flakyGroup, "Slow, flaky pipeline"));
        assertThat(screen(pm).board().topics()).extracting(RetroBoard.TopicView::title).containsExactly("Pairing on the migration", "Slow, flaky pipeline");

        advanceTo(RetroPhase.VOTE);
        as(ana, () -> board.vote(flakyGroup, 1));
        as(ana, () -> board.vote(flakyGroup, 1));
        as(ana, () -> board.vote(groupOf(pairing), 1));
        assertThatThrownBy(() -> as(ana, () -> board.vote(flakyGroup, 1))).isInstanceOf(RetroRuleException.class)
                .hasMessageContaining("all your 3 dots");
        as(ben, () -> board.vote(flakyGroup, 1));
        assertThat(screen(ben).board().topic(flakyGroup).votes()).as("hidden while voting").isNull();

        advanceTo(RetroPhase.DISCUSS);
        RetroBoard discussing = screen(ben).board();
        assertThat(discussing.topics()).extracting(RetroBoard.TopicView::title, RetroBoard.TopicView::votes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Slow, flaky pipeline", 3), org.assertj.core.groups.Tuple.tuple("Pairing on the migration", 1));
        as(pm, () -> sessions.discuss(sessionId, flakyGroup));
        as(pm, () -> sessions.startTimer(sessionId, 5));
        assertThat(screen(ana).timer().running()).isTrue();
        assertThat(screen(ana).timer().secondsLeft()).isEqualTo(300);
        as(ana, () -> board.writeNotes(flakyGroup, "Quarantine the flaky suite; parallelise the build."));
        Long action = as(ben, () -> actions.add(sessionId, flakyGroup, "Split the CI build in two", ana.userId(), LocalDate.of(2026, 12, 18)));

        advanceTo(RetroPhase.CLOSED);
        RetroScreen closed = screen(viewer);
        assertThat(closed.actions()).extracting(ActionRow::id, ActionRow::ownerName).containsExactly(org.assertj.core.groups.Tuple.tuple(action, ana.name()));
        assertThat(closed.board().topic(flakyGroup).notes()).isEqualTo("Quarantine the flaky suite; parallelise the build.");
        assertThat(as(ana, () -> reading.myActions())).extracting(a -> a.action().title()).containsExactly("Split the CI build in two");
        assertThatThrownBy(() -> as(ana, () -> board.addCard(sessionId, wentWell, "Late card"))).hasMessageContaining("closed");
    }

    @Test
    void aViewerWatchesParticipantsTakePartAndOnlyTheFacilitatorOrAProjectManagerMovesOn() {
        assertThat(screen(viewer).iMayTakePart()).isFalse();
        assertThatThrownBy(() -> as(ana, () -> sessions.advance(sessionId))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(viewer, () -> sessions.advance(sessionId))).isInstanceOf(AccessDeniedException.class);
        as(pmo, () -> sessions.advance(sessionId));
        assertThat(screen(viewer).board().phase()).isEqualTo(RetroPhase.REFLECT);
        assertThatThrownBy(() -> as(viewer, () -> board.addCard(sessionId, column("Went well"), "Watching only")))
                .isInstanceOf(AccessDeniedException.class);

        as(pm, () -> sessions.handOver(sessionId, ana.userId()));
        assertThat(screen(ana).iFacilitate()).isTrue();
        as(ana, () -> sessions.revealCards(sessionId));
        assertThatThrownBy(() -> as(pm, () -> sessions.handOver(sessionId, viewer.userId()))).hasMessageContaining("viewer");
    }

    @Test
    void anAnonymousCardIsStoredAndAnnouncedWithoutItsAuthor() {
        advanceTo(RetroPhase.REFLECT);
        events.clear();
        Long card = as(ben, () -> board.addCard(sessionId, column("To improve"), "Nobody reviews my pull requests"));
        as(pm, () -> sessions.revealCards(sessionId));

        assertThat(jdbc.queryForMap("select author_id, author_name from retro_card where id = ?", card))
                .containsEntry("AUTHOR_ID", null).containsEntry("AUTHOR_NAME", null);
        assertThat(events.stream(RetroChanged.class).filter(e -> e.change().equals("CARD_ADDED")))
                .singleElement().satisfies(e -> assertThat(e.changedBy().userId()).isNull());
        Member admin = fixtures.member(tenant, Role.ADMIN);
        String seenByAdmin = screen(admin).board().toString();
        assertThat(seenByAdmin).contains("Nobody reviews my pull requests").doesNotContain(ben.name()).doesNotContain(ben.email())
                .doesNotContain("mine=true");
        assertThat(screen(ben).board().topics().getFirst().cards().getFirst().mine()).as("Ben can still find and edit it").isTrue();
        String markdown = new String(as(admin, () -> exports.markdown(sessionId)).bytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(markdown).as("the summary an admin downloads").contains("Nobody reviews my pull requests").doesNotContain(ben.name())
                .doesNotContain(ben.email());
        assertThat(app.cadence.support.PdfText.of(as(admin, () -> exports.pdf(sessionId)).bytes())).doesNotContain(ben.name());
        as(ben, () -> board.editCard(card, "Nobody reviews my pull requests in time"));
    }

    @Test
    void aNamedSessionShowsWhoWroteEachCard() {
        as(pm, () -> sessions.makeAnonymous(sessionId, false));
        advanceTo(RetroPhase.REFLECT);
        as(ben, () -> board.addCard(sessionId, column("Went well"), "Demo went smoothly"));
        as(pm, () -> sessions.revealCards(sessionId));
        assertThat(screen(ana).board().topics().getFirst().cards().getFirst().author()).isEqualTo(ben.name());
    }

    @Test
    void twentyParticipantsAddingCardsAtOnceAreAllKeptAndOneVoterCannotExceedTheBudgetByClickingFast() throws Exception {
        List<Member> team = java.util.stream.IntStream.range(0, 20).mapToObj(i -> fixtures.member(tenant, Role.CONTRIBUTOR)).toList();
        advanceTo(RetroPhase.REFLECT);
        UUID wentWell = column("Went well");
        Simultaneously.run(20, i -> as(team.get(i), () -> board.addCard(sessionId, wentWell, "Card " + i)));
        as(pm, () -> sessions.revealCards(sessionId));
        assertThat(screen(pm).board().cardCount()).isEqualTo(20);

        advanceTo(RetroPhase.VOTE);
        Long group = screen(pm).board().topics().getFirst().groupId();
        List<String> outcomes = Simultaneously.run(6, i -> {
            try {
                as(ana, () -> board.vote(group, 1));
                return "placed";
            } catch (RetroRuleException e) {
                return "refused";
            }
        });
        assertThat(outcomes).filteredOn("placed"::equals).hasSize(3);
        assertThat(screen(ana).board().myVotesLeft()).isZero();
    }

    @Test
    void theNextRetrospectiveReviewsTheOpenActionsOfThePreviousOnes() {
        advanceTo(RetroPhase.DISCUSS);
        Long split = as(pm, () -> actions.add(sessionId, null, "Split the CI build", ana.userId(), LocalDate.of(2026, 12, 18)));
        Long docs = as(pm, () -> actions.add(sessionId, null, "Write the runbook for releases", ben.userId(), null));
        Long pairing = as(pm, () -> actions.add(sessionId, null, "Pair on reviews", ben.userId(), null));
        as(ben, () -> actions.settle(pairing, version(pairing), ActionStatus.DONE, null, null));
        advanceTo(RetroPhase.CLOSED);

        Long first = sessionId;
        sessionId = applyRetro("Sprint 15 retro");
        RetroScreen next = screen(ana);
        assertThat(next.carriedOver()).extracting(ActionRow::title).containsExactly("Split the CI build", "Write the runbook for releases");

        assertThatThrownBy(() -> as(ana, () -> actions.settle(docs, version(docs), ActionStatus.DROPPED, "", sessionId)))
                .hasMessage("Say why the action is dropped.");
        as(ana, () -> actions.settle(docs, version(docs), ActionStatus.DROPPED, "Release tooling replaces it", sessionId));
        as(ana, () -> actions.settle(split, version(split), ActionStatus.OPEN, "Half done", sessionId));
        assertThat(screen(pm).carriedOver()).extracting(ActionRow::title, ActionRow::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Split the CI build", ActionStatus.OPEN),
                org.assertj.core.groups.Tuple.tuple("Write the runbook for releases", ActionStatus.DROPPED));
        assertThat(as(pm, () -> reading.ofProject(projectId)).openActions()).isEqualTo(1);
        assertThatThrownBy(() -> as(ana, () -> actions.settle(split, version(split), ActionStatus.DONE, null, first)))
                .hasMessageContaining("later retrospective");
    }

    @Test
    void anotherTenantCanNeitherReadNorChangeASessionCardTopicOrAction() {
        advanceTo(RetroPhase.REFLECT);
        Long card = as(ana, () -> board.addCard(sessionId, column("Went well"), "Ours"));
        Long group = groupOf(card);
        as(pm, () -> sessions.revealCards(sessionId));
        advanceTo(RetroPhase.DISCUSS);
        Long action = as(pm, () -> actions.add(sessionId, group, "Ours too", ana.userId(), null));

        Tenant other = fixtures.tenant("Intruder");
        Member intruder = fixtures.member(other, Role.ADMIN);
        assertThatThrownBy(() -> as(intruder, () -> reading.screen(sessionId))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(intruder, () -> sessions.advance(sessionId))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(intruder, () -> board.writeNotes(group, "Theirs"))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as(intruder, () -> actions.settle(action, 0, ActionStatus.DONE, null, null)))
                .isInstanceOf(RecordNotFoundException.class);
        assertThat(as(intruder, () -> reading.ofProject(projectId)).sessions()).isEmpty();
        assertThat(screen(pm).board().topic(group).notes()).isNull();
        assertThat(screen(pm).actions()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(ActionStatus.OPEN));
    }

    /** What removing a retrospective runs (bulk deletes, past the tenant filter), with another tenant's id and this session: nothing goes. */
    @Test
    void anotherTenantsBulkDeletesNamingThisTenantsSessionDeleteNothing() {
        advanceTo(RetroPhase.REFLECT);
        as(ana, () -> board.addCard(sessionId, column("Went well"), "Ours"));
        as(pm, () -> sessions.revealCards(sessionId));
        advanceTo(RetroPhase.DISCUSS);
        as(pm, () -> actions.add(sessionId, null, "Ours too", ana.userId(), null));
        Member intruder = fixtures.member(fixtures.tenant("Bulk intruder"), Role.ADMIN);
        List<Long> theirs = List.of(sessionId);

        int deleted = as(intruder, () -> transactions.execute(tx -> storedActions.deleteBySessions(intruder.tenantId(), theirs)
                + storedVotes.deleteBySessions(intruder.tenantId(), theirs) + storedRatings.deleteBySessions(intruder.tenantId(), theirs)
                + storedCards.deleteBySessions(intruder.tenantId(), theirs) + storedGroups.deleteBySessions(intruder.tenantId(), theirs)
                + storedSessions.deleteSessions(intruder.tenantId(), theirs)));

        assertThat(deleted).isZero();
        assertThat(screen(pm).board().cardCount()).isEqualTo(1);
        assertThat(screen(pm).actions()).hasSize(1);
    }

    Long groupOf(Long cardId) {
        return jdbc.queryForObject("select group_id from retro_card where id = ?", Long.class, cardId);
    }

    long version(Long actionId) {
        return jdbc.queryForObject("select version from retro_action where id = ?", Long.class, actionId);
    }
}
