package app.cadence.cutover.ui;

import app.cadence.cutover.domain.RunState;
import app.cadence.cutover.domain.Verdict;
import app.cadence.cutover.service.DecisionConditions;
import app.cadence.cutover.service.GoNoGoVoting;
import app.cadence.cutover.service.RunScreen;
import app.cadence.cutover.service.RunScreen.Approval;
import app.cadence.cutover.service.RunScreen.Condition;
import app.cadence.cutover.service.RunScreen.DecisionView;
import app.cadence.cutover.service.RunScreen.StepRow;
import app.cadence.tenancy.service.MemberSummary;
import app.cadence.template.domain.StepType;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The run's go/no-go checkpoints: for each, its approvers and their votes with comments once
 * cast, the outcome; the vote buttons for an approver whose turn it is; after a no-go, what the
 * run lead can do (overrule with a reason, invoke rollback, pause). Whoever runs the run names the
 * approvers. A decision taken with conditions lists them, each open or met, with the button to
 * mark it met or reopen it for those the service allows.
 */
final class DecisionsPanel extends Div {

    /** What the run view does on the lead's behalf after a no-go. */
    interface RunControls {
        void invokeRollback();

        void pause();
    }

    private final Long runId;
    private final GoNoGoVoting voting;
    private final DecisionConditions conditions;
    private final Supplier<List<MemberSummary>> candidates;
    private final RunControls controls;
    private final Runnable changed;

    DecisionsPanel(Long runId, GoNoGoVoting voting, DecisionConditions conditions, Supplier<List<MemberSummary>> candidates,
                   RunControls controls, Runnable changed) {
        this.runId = runId;
        this.voting = voting;
        this.conditions = conditions;
        this.candidates = candidates;
        this.controls = controls;
        this.changed = changed;
        addClassNames("run-panel", "decisions-panel");
    }

    void show(RunScreen screen) {
        removeAll();
        add(new H3("Go/no-go"));
        RunTimes times = RunTimes.of(screen.header());
        List<StepRow> checkpoints = screen.steps().stream().filter(s -> s.type() == StepType.GO_NO_GO).toList();
        if (checkpoints.isEmpty()) {
            Span none = new Span("This runbook has no go/no-go checkpoint.");
            none.addClassName("panel-empty");
            add(none);
            return;
        }
        for (StepRow step : checkpoints) {
            Optional<DecisionView> decision = screen.decisions().stream().filter(d -> d.stepKey().equals(step.key())).findFirst();
            add(card(screen, step, decision.orElse(null), times));
        }
    }

    private Div card(RunScreen screen, StepRow step, DecisionView decision, RunTimes times) {
        Div card = new Div();
        card.addClassName("decision");
        Span title = new Span(step.title());
        title.addClassName("decision-title");
        Span outcome = new Span(outcomeText(step, decision));
        outcome.addClassNames("decision-outcome", "decision-" + (decision == null || decision.outcome() == null ? "open"
                : decision.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-')));
        Div head = new Div(title, outcome);
        head.addClassName("decision-head");
        card.add(head);
        Span when = new Span("Planned " + times.planned(step.plannedStart()) + (decision != null && decision.takenAt() != null
                ? " · decided " + times.both(decision.takenAt()) : ""));
        when.addClassName("decision-when");
        card.add(when);
        if (decision != null) {
            Div votes = new Div();
            votes.addClassName("decision-votes");
            for (Approval approval : decision.approvals()) {
                votes.add(vote(approval, times));
            }
            card.add(votes);
            if (!decision.conditions().isEmpty()) {
                long met = decision.conditions().stream().filter(Condition::met).count();
                Div list = new Div(new Span("Conditions · " + met + " of " + decision.conditions().size() + " met"));
                list.addClassName("decision-conditions");
                decision.conditions().forEach(c -> list.add(condition(step, c, times)));
                card.add(list);
            }
            if (decision.overruledBy() != null) {
                Span overruled = new Span("No-go overruled by " + decision.overruledBy() + ": " + decision.overruleReason());
                overruled.addClassName("decision-overruled");
                card.add(overruled);
            }
        }
        Div actions = new Div();
        actions.addClassName("decision-actions");
        if (decision != null && decision.iMayVote()) {
            actions.add(voteButton(step, Verdict.GO, ButtonVariant.LUMO_SUCCESS), voteButton(step, Verdict.GO_WITH_CONDITIONS, ButtonVariant.LUMO_CONTRAST),
                    voteButton(step, Verdict.NO_GO, ButtonVariant.LUMO_ERROR));
        }
        boolean open = screen.header().state() != RunState.ENDED;
        if (decision != null && decision.outcome() == Verdict.NO_GO && decision.overruledBy() == null && open) {
            if (screen.you().leads()) {
                Button overrule = new Button("Overrule…", e -> overrule(step));
                overrule.addThemeVariants(ButtonVariant.LUMO_SMALL);
                actions.add(overrule);
            }
            if (screen.you().mayRun()) {
                Button rollback = new Button("Invoke rollback…", e -> controls.invokeRollback());
                rollback.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
                actions.add(rollback);
                if (screen.header().state() == RunState.RUNNING) {
                    Button pause = new Button("Pause…", e -> controls.pause());
                    pause.addThemeVariants(ButtonVariant.LUMO_SMALL);
                    actions.add(pause);
                }
            }
        }
        if (screen.you().mayRun() && open && (decision == null || decision.takenAt() == null)) {
            Button approvers = new Button(decision == null ? "Name approvers…" : "Approvers…", e -> chooseApprovers(step, decision));
            approvers.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            actions.add(approvers);
        }
        if (actions.getComponentCount() > 0) {
            card.add(actions);
        }
        return card;
    }

    private static String outcomeText(StepRow step, DecisionView decision) {
        if (decision == null) {
            return "No approvers yet";
        }
        if (decision.outcome() != null) {
            return decision.outcome().label() + (decision.overruledBy() != null ? " (overruled)" : "");
        }
        long cast = decision.approvals().stream().filter(a -> a.verdict() != null).count();
        return "Awaiting votes: " + cast + " of " + decision.approvals().size();
    }

    private static Div vote(Approval approval, RunTimes times) {
        Span name = new Span(approval.name());
        name.addClassName("vote-name");
        Span verdict = new Span(approval.verdict() == null ? "awaiting" : approval.verdict().label());
        verdict.addClassNames("vote-verdict", "vote-" + (approval.verdict() == null ? "awaiting" : approval.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-')));
        Div line = new Div(name, verdict);
        line.addClassName("vote");
        if (approval.at() != null) {
            Span at = new Span(times.wall(approval.at()));
            at.addClassName("vote-at");
            line.add(at);
        }
        if (approval.comment() != null) {
            Span comment = new Span(approval.comment());
            comment.addClassName("vote-comment");
            line.add(comment);
        }
        return line;
    }

    /** A condition, who set it, whether it is met (by whom, when, with what note) and, for those who may, the button to change that. */
    private Div condition(StepRow step, Condition condition, RunTimes times) {
        Span text = new Span(condition.approver() + ": " + condition.text());
        text.addClassName("condition-text");
        Span state = new Span(stateText(condition, times));
        state.addClassNames("condition-state", condition.met() ? "condition-met" : "condition-open");
        Div line = new Div(text, state);
        line.addClassName("condition");
        if (condition.note() != null) {
            Span note = new Span(condition.note());
            note.addClassName("condition-note");
            line.add(note);
        }
        if (condition.mayChange()) {
            Button change = condition.met()
                    ? new Button("Reopen…", e -> reopen(step, condition))
                    : new Button("Mark met…", e -> markMet(step, condition));
            change.addThemeVariants(ButtonVariant.LUMO_SMALL, condition.met() ? ButtonVariant.LUMO_TERTIARY : ButtonVariant.LUMO_SUCCESS);
            change.setAriaLabel((condition.met() ? "Reopen " : "Mark met: ") + condition.approver() + "'s condition on " + step.title());
            line.add(change);
        }
        return line;
    }

    private static String stateText(Condition condition, RunTimes times) {
        if (condition.met()) {
            return "Met · " + condition.changedBy() + ", " + times.wall(condition.changedAt());
        }
        return condition.changedBy() == null ? "Open" : "Open · reopened by " + condition.changedBy() + ", " + times.wall(condition.changedAt());
    }

    private void markMet(StepRow step, Condition condition) {
        Ask ask = new Ask("Condition met on “" + step.title() + "”?", "Mark met")
                .say(condition.approver() + " asked: " + condition.text())
                .say("Your name and the time go into the run log and the run report.");
        TextArea note = ask.reason("Note (optional): how it was met", false);
        ask.open(() -> {
            conditions.markMet(runId, step.key(), condition.approverId(), note.getValue());
            changed.run();
        });
    }

    private void reopen(StepRow step, Condition condition) {
        Ask ask = new Ask("Reopen the condition on “" + step.title() + "”?", "Reopen")
                .say(condition.approver() + " asked: " + condition.text())
                .say("It was marked met by " + condition.changedBy() + ". Reopening puts it back among the open conditions of the run.");
        TextArea reason = ask.reason("Why is it no longer met?", true);
        ask.open(() -> {
            conditions.reopen(runId, step.key(), condition.approverId(), reason.getValue());
            changed.run();
        });
    }

    private Button voteButton(StepRow step, Verdict verdict, ButtonVariant variant) {
        Button button = new Button(verdict.label().toUpperCase(Locale.UK), e -> vote(step, verdict));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, variant);
        if (verdict != Verdict.GO_WITH_CONDITIONS) {
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        return button;
    }

    private void vote(StepRow step, Verdict verdict) {
        Ask ask = new Ask(verdict.label() + " on “" + step.title() + "”", "Vote " + verdict.label().toLowerCase(Locale.UK));
        if (verdict == Verdict.NO_GO) {
            ask.danger();
        }
        ask.say("Your vote is signed with your name and time; it can change until every approver has voted, then it is final.");
        TextArea comment = switch (verdict) {
            case GO -> ask.reason("Comment (optional)", false);
            case GO_WITH_CONDITIONS -> ask.reason("Conditions", true);
            case NO_GO -> ask.reason("Why is it a no-go?", true);
        };
        ask.open(() -> {
            voting.vote(runId, step.key(), verdict, comment.getValue());
            changed.run();
        });
    }

    private void overrule(StepRow step) {
        Ask ask = new Ask("Overrule the no-go on “" + step.title() + "”?", "Overrule and go ahead").danger()
                .say("The run goes ahead against the approvers' no-go. Your reason goes into the run log and the report for the change board.");
        TextArea reason = ask.reason("Why go ahead?", true);
        ask.open(() -> {
            voting.overrule(runId, step.key(), reason.getValue());
            changed.run();
        });
    }

    private void chooseApprovers(StepRow step, DecisionView decision) {
        Ask ask = new Ask("Approvers of “" + step.title() + "”", "Save approvers")
                .say("Each approver votes GO, GO WITH CONDITIONS or NO-GO; the decision is taken when all have voted. Votes already cast are kept.");
        MultiSelectComboBox<MemberSummary> who = new MultiSelectComboBox<>("Approvers");
        who.setWidthFull();
        List<MemberSummary> members = candidates.get();
        who.setItems(members);
        who.setItemLabelGenerator(m -> m.displayName() + " (" + m.role().name().toLowerCase(Locale.ROOT) + ")");
        if (decision != null) {
            Set<Long> chosen = decision.approvals().stream().map(Approval::userId).collect(Collectors.toSet());
            who.setValue(members.stream().filter(m -> chosen.contains(m.userId())).collect(Collectors.toSet()));
        }
        ask.with(who);
        ask.open(() -> {
            voting.setApprovers(runId, step.key(), who.getValue().stream().map(MemberSummary::userId).filter(Objects::nonNull).toList());
            changed.run();
        });
    }
}
