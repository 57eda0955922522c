package app.cadence.demo;

import app.cadence.retro.domain.ActionStatus;
import app.cadence.retro.domain.RetroBoard;
import app.cadence.retro.service.RetroActions;
import app.cadence.retro.service.RetroBoardWork;
import app.cadence.retro.service.RetroReading;
import app.cadence.retro.service.RetroSessions;
import app.cadence.tenancy.service.TenantScope;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Retrospectives for the demo (issue C8): CRM-03's sprint retrospective, held and closed, with
 * ratings, cards grouped into themes, votes and actions (two still open, one done); and ERP-01's,
 * in the Reflect phase with a few cards already written, for a newcomer to join.
 */
@Component
class DemoRetros {

    private final TenantScope scope;
    private final RetroSessions sessions;
    private final RetroBoardWork board;
    private final RetroActions actions;
    private final RetroReading reading;

    DemoRetros(TenantScope scope, RetroSessions sessions, RetroBoardWork board, RetroActions actions, RetroReading reading) {
        this.scope = scope;
        this.sessions = sessions;
        this.board = board;
        this.actions = actions;
        this.reading = reading;
    }

    /** A Start / Stop / Continue retrospective taken from check-in to close; {@code team} are the participants by name. */
    void finished(Long tenantId, Long facilitator, Map<String, Long> team, Long instanceId, LocalDate today) {
        Long id = scope.call(facilitator, tenantId, () -> sessions.sessionOf(instanceId).orElseThrow());
        UUID mood = scope.call(facilitator, tenantId, () -> reading.screen(id).board().ratings().getFirst().key());
        int[] scores = {4, 3, 4, 2};
        int i = 0;
        for (Long person : team.values()) {
            int score = scores[i++ % scores.length];
            scope.run(person, tenantId, () -> board.rate(id, mood, score));
        }
        scope.run(facilitator, tenantId, () -> {
            sessions.revealRatings(id);
            sessions.advance(id);
        });
        Map<String, UUID> columns = columns(facilitator, tenantId, id);
        Long dev = team.get("dev");
        Long pm = team.get("pm");
        Long pmo = team.get("pmo");
        Long uat = card(dev, tenantId, id, columns.get("Stop"), "Starting UAT before the data load is verified");
        Long uatToo = card(pmo, tenantId, id, columns.get("Stop"), "Testers waiting on half-migrated accounts");
        Long training = card(pm, tenantId, id, columns.get("Start"), "Train the DACH sales team before their wave, not after");
        Long champions = card(dev, tenantId, id, columns.get("Start"), "Name a Salesforce champion in each region");
        Long standups = card(pmo, tenantId, id, columns.get("Continue"), "Short daily cutover stand-ups in the wave week");
        Long pairing = card(pm, tenantId, id, columns.get("Continue"), "Pairing admins with the integration partner");
        scope.run(facilitator, tenantId, () -> sessions.revealCards(id));
        scope.run(facilitator, tenantId, () -> sessions.advance(id));
        Long dataTheme = group(facilitator, tenantId, id, uat);
        scope.run(pmo, tenantId, () -> board.group(uatToo, dataTheme));
        scope.run(pm, tenantId, () -> board.renameGroup(dataTheme, "UAT started on unverified data"));
        Long trainingTheme = group(facilitator, tenantId, id, training);
        scope.run(dev, tenantId, () -> board.group(champions, trainingTheme));
        scope.run(dev, tenantId, () -> board.renameGroup(trainingTheme, "Prepare each region before its wave"));
        scope.run(facilitator, tenantId, () -> sessions.advance(id));
        vote(dev, tenantId, dataTheme, 2);
        vote(dev, tenantId, trainingTheme, 1);
        vote(pm, tenantId, dataTheme, 1);
        vote(pm, tenantId, trainingTheme, 2);
        vote(pmo, tenantId, dataTheme, 3);
        vote(team.get("admin"), tenantId, group(facilitator, tenantId, id, standups), 1);
        scope.run(facilitator, tenantId, () -> {
            sessions.advance(id);
            sessions.discuss(id, dataTheme);
        });
        scope.run(pmo, tenantId, () -> board.writeNotes(dataTheme,
                "Wave 1 testers lost two days on accounts the load had not finished. Gate UAT on a signed data reconciliation."));
        scope.run(facilitator, tenantId, () -> sessions.discuss(id, trainingTheme));
        scope.run(pm, tenantId, () -> board.writeNotes(trainingTheme, "DACH asked for German-language sessions a week before go-live."));
        scope.run(facilitator, tenantId, () -> {
            actions.add(id, dataTheme, "Add a signed data reconciliation as the UAT entry gate", dev, today.plusDays(10));
            actions.add(id, trainingTheme, "Book German-language training for DACH a week before wave 2", pm, today.plusDays(14));
            Long done = actions.add(id, group(facilitator, tenantId, id, pairing), "Keep the admin pairing rota for wave 2", pmo, today.minusDays(1));
            actions.settle(done, 0, ActionStatus.DONE, null, null);
            sessions.advance(id);
            sessions.advance(id);
        });
    }

    /** A retrospective in the Reflect phase, with a few cards already written by {@code writers}. */
    void reflecting(Long tenantId, Long facilitator, List<Long> writers, Long instanceId) {
        Long id = scope.call(facilitator, tenantId, () -> sessions.sessionOf(instanceId).orElseThrow());
        scope.run(facilitator, tenantId, () -> sessions.advance(id));
        Map<String, UUID> columns = columns(facilitator, tenantId, id);
        List<String> texts = List.of("Month-end close dry run went to plan", "Too many late changes to the chart of accounts mapping",
                "Key users signing off test scripts on the same day");
        List<String> where = List.of("Continue", "Stop", "Continue");
        for (int i = 0; i < texts.size(); i++) {
            UUID column = columns.get(where.get(i));
            card(writers.get(i % writers.size()), tenantId, id, column, texts.get(i));
        }
    }

    private Map<String, UUID> columns(Long who, Long tenantId, Long id) {
        Map<String, UUID> columns = new java.util.LinkedHashMap<>();
        scope.call(who, tenantId, () -> reading.screen(id).board().columns()).forEach(c -> columns.put(c.title(), c.key()));
        return columns;
    }

    private Long card(Long author, Long tenantId, Long id, UUID column, String text) {
        return scope.call(author, tenantId, () -> board.addCard(id, column, text));
    }

    private Long group(Long who, Long tenantId, Long id, Long cardId) {
        RetroBoard read = scope.call(who, tenantId, () -> reading.screen(id).board());
        return read.topics().stream().filter(t -> t.cards().stream().anyMatch(c -> c.id().equals(cardId))).findFirst().orElseThrow().groupId();
    }

    private void vote(Long voter, Long tenantId, Long groupId, int dots) {
        for (int i = 0; i < dots; i++) {
            scope.run(voter, tenantId, () -> board.vote(groupId, 1));
        }
    }
}
