package app.cadence.retro.service;

import app.cadence.retro.domain.ActionStatus;
import app.cadence.retro.domain.BoardProjection;
import app.cadence.retro.domain.RetroAction;
import app.cadence.retro.domain.RetroActionRepository;
import app.cadence.retro.domain.RetroBoard;
import app.cadence.retro.domain.RetroCardRepository;
import app.cadence.retro.domain.RetroGroupRepository;
import app.cadence.retro.domain.RetroPhase;
import app.cadence.retro.domain.RetroRating;
import app.cadence.retro.domain.RetroRatingRepository;
import app.cadence.retro.domain.RetroSession;
import app.cadence.retro.domain.RetroSessionRepository;
import app.cadence.retro.domain.RetroVoteRepository;
import app.cadence.template.domain.RetroPrompt;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.CadenceUser;
import app.cadence.tenancy.service.MemberSummary;
import app.cadence.tenancy.service.MembershipDirectory;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.work.service.InstanceHeaders;
import app.cadence.work.service.InstanceHeaders.InstanceHeader;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads for the board, My work and the project page. */
@Service
@NamedInterface("api")
@Transactional(readOnly = true)
@RolesAllowed(RoleSets.MEMBERS)
public class RetroReading {

    private final RetroStore store;
    private final RetroSessionRepository sessions;
    private final RetroCardRepository cards;
    private final RetroGroupRepository groups;
    private final RetroVoteRepository votes;
    private final RetroRatingRepository ratings;
    private final RetroActionRepository actions;
    private final InstanceHeaders instances;
    private final MembershipDirectory members;

    RetroReading(RetroStore store, RetroSessionRepository sessions, RetroCardRepository cards, RetroGroupRepository groups,
                 RetroVoteRepository votes, RetroRatingRepository ratings, RetroActionRepository actions, InstanceHeaders instances,
                 MembershipDirectory members) {
        this.store = store;
        this.sessions = sessions;
        this.cards = cards;
        this.groups = groups;
        this.votes = votes;
        this.ratings = ratings;
        this.actions = actions;
        this.instances = instances;
        this.members = members;
    }

    /** The board as the signed-in member may see it. */
    public RetroScreen screen(Long sessionId) {
        Long tenantId = TenantContext.requireTenantId();
        RetroSession session = store.find(sessionId);
        RetroPlan plan = store.plan(session);
        CadenceUser me = RetroStore.me();
        RetroBoard board = BoardProjection.project(session, plan.prompts(), new BoardProjection.Contents(cards.findBySession(tenantId, sessionId),
                groups.findBySession(tenantId, sessionId), votes.findBySession(tenantId, sessionId), ratings.findBySession(tenantId, sessionId)),
                me.userId());
        InstanceHeader instance = instances.header(session.getInstanceId());
        List<MemberSummary> everyone = members.activeMembers();
        String facilitator = everyone.stream().filter(m -> m.userId().equals(session.getFacilitatorId())).map(MemberSummary::displayName)
                .findFirst().orElse("A former member");
        Instant now = store.now();
        RetroSession.TimerState timer = session.timer(now);
        LocalDate today = LocalDate.now(store.clock().withZone(instance.zone()));
        return new RetroScreen(sessionId, instance.id(), instance.name(), instance.projectId(), instance.projectKey(), instance.projectName(),
                plan.format(), session.getFacilitatorId(), facilitator, RetroStore.facilitates(session), RetroStore.mayFacilitate(session),
                RetroStore.mayTakePart(), board, new RetroScreen.Timer(timer.running(), timer.left().toSeconds(), timer.endsAt()), now,
                actions.findBySession(tenantId, sessionId).stream().map(a -> ActionRow.of(a, today)).toList(),
                actions.findCarriedInto(tenantId, session.getProjectId(), sessionId).stream()
                        .filter(a -> isEarlier(a, session)).map(a -> ActionRow.of(a, today)).toList(),
                everyone.stream().filter(m -> m.role() != Role.VIEWER).toList(), session.getVersion());
    }

    /** Carry-over reaches back, never forward: a later session's actions are not this one's to review. */
    private boolean isEarlier(RetroAction action, RetroSession session) {
        return action.getSessionId() < Objects.requireNonNull(session.getId());
    }

    /** The phase a session is in, for the instance page's link to it. */
    public RetroPhase phaseOf(Long sessionId) {
        return store.find(sessionId).getPhase();
    }

    /** My open action items across the organisation's projects, the overdue and soonest due first, undated last. */
    public List<MyAction> myActions() {
        Long tenantId = TenantContext.requireTenantId();
        LocalDate today = LocalDate.now(store.clock());
        List<RetroAction> mine = actions.findOpenOwnedBy(tenantId, RetroStore.me().userId());
        Map<Long, InstanceHeader> bySession = new HashMap<>();
        List<MyAction> rows = new ArrayList<>();
        for (RetroAction action : mine) {
            InstanceHeader instance = bySession.computeIfAbsent(action.getSessionId(),
                    id -> instances.header(store.find(id).getInstanceId()));
            rows.add(new MyAction(ActionRow.of(action, today), instance.projectKey(), instance.projectName(), instance.name()));
        }
        rows.sort(Comparator.comparing((MyAction a) -> a.action().dueOn(), Comparator.nullsLast(Comparator.naturalOrder())));
        return rows;
    }

    public record MyAction(ActionRow action, String projectKey, String projectName, String retroName) {
    }

    /** A project's retrospectives: each session, its rating averages (the trend), and every action, open first. */
    public ProjectRetros ofProject(Long projectId) {
        Long tenantId = TenantContext.requireTenantId();
        List<RetroSession> all = sessions.findByProject(tenantId, projectId);
        if (all.isEmpty()) {
            return new ProjectRetros(List.of(), List.of(), List.of());
        }
        List<Long> ids = all.stream().map(RetroSession::getId).map(Objects::requireNonNull).toList();
        Map<Long, List<RetroRating>> ratingsBySession = new HashMap<>();
        ratings.findBySessions(tenantId, ids).forEach(r -> ratingsBySession.computeIfAbsent(r.getSessionId(), k -> new ArrayList<>()).add(r));
        LinkedHashMap<String, Boolean> questions = new LinkedHashMap<>();
        List<SessionRow> rows = new ArrayList<>();
        for (RetroSession session : all) {
            RetroPlan plan = store.plan(session);
            InstanceHeader instance = instances.header(session.getInstanceId());
            Map<String, Double> averages = new LinkedHashMap<>();
            // Ratings are shown once revealed; a trend must not tell a team's answers before their facilitator does.
            if (session.isRatingsRevealed()) {
                for (RetroPrompt question : plan.ratingQuestions()) {
                    List<Integer> scores = ratingsBySession.getOrDefault(session.getId(), List.of()).stream()
                            .filter(r -> r.getPromptKey().equals(question.key())).map(RetroRating::getScore).toList();
                    if (!scores.isEmpty()) {
                        averages.put(question.title(), Math.round(scores.stream().mapToInt(Integer::intValue).average().orElse(0) * 10) / 10.0);
                        questions.put(question.title(), true);
                    }
                }
            }
            rows.add(new SessionRow(Objects.requireNonNull(session.getId()), instance.name(),
                    instance.anchorAt() == null ? null : LocalDate.ofInstant(instance.anchorAt(), instance.zone()), session.getPhase(), averages));
        }
        LocalDate today = LocalDate.now(store.clock());
        return new ProjectRetros(rows, List.copyOf(questions.keySet()),
                actions.findByProject(tenantId, projectId).stream().map(a -> ActionRow.of(a, today)).toList());
    }

    /** @param heldOn   the session's day in its instance's zone
     *  @param averages the average rating per question, for the questions answered and revealed */
    public record SessionRow(Long sessionId, String name, @Nullable LocalDate heldOn, RetroPhase phase, Map<String, Double> averages) {
    }

    /** @param questions the rating questions any session answered, in first-seen order: the trend's rows */
    public record ProjectRetros(List<SessionRow> sessions, List<String> questions, List<ActionRow> actions) {
        public long openActions() {
            return actions.stream().filter(a -> a.status() == ActionStatus.OPEN).count();
        }
    }
}
