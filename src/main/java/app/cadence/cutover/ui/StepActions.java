package app.cadence.cutover.ui;

import app.cadence.cutover.domain.RunState;
import app.cadence.cutover.domain.StepState;
import app.cadence.cutover.service.RunScreen;
import app.cadence.cutover.service.RunScreen.StepRow;
import app.cadence.cutover.service.RunStepWork;
import app.cadence.shared.ui.UserMessages;
import app.cadence.template.domain.StepType;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What can be done to a step from the run screen — one click for the usual (start a ready step,
 * finish one in progress) and a dialog where the run needs words: an override reason for a
 * waiting step, evidence where required, a reason to skip, fail or take back. Which buttons are
 * offered follows the step's state and what the reader may do ({@code mayWork}); the service
 * decides and says why not.
 */
final class StepActions {

    enum Action {
        START("Start"), DONE("Done"), SKIP("Skip"), FAIL("Failed"), TAKE_BACK("Take back");

        final String label;

        Action(String label) {
            this.label = label;
        }
    }

    private final Long runId;
    private final RunStepWork work;
    private final Supplier<RunScreen> screen;
    private final Runnable changed;

    /**
     * @param screen  the screen as last read (run state, rollback)
     * @param changed called after each change this screen made: it re-reads the run
     */
    StepActions(Long runId, RunStepWork work, Supplier<RunScreen> screen, Runnable changed) {
        this.runId = runId;
        this.work = work;
        this.screen = screen;
        this.changed = changed;
    }

    /** The actions offered on a step, in the order shown. */
    List<Action> offered(StepRow step) {
        RunScreen read = screen.get();
        RunState run = read.header().state();
        List<Action> actions = new ArrayList<>();
        if (!step.mayWork() || run == RunState.SCHEDULED || run == RunState.ENDED || step.state() == StepState.ABANDONED) {
            return actions;
        }
        boolean rollbackInvoked = read.header().rollback() != null;
        if (step.rollback() != rollbackInvoked) {
            return actions; // rollback steps wait for rollback; forward steps stop when it comes
        }
        boolean vote = step.type() == StepType.GO_NO_GO;
        switch (step.state()) {
            case WAITING, READY -> {
                if (run == RunState.RUNNING && !vote) {
                    actions.add(Action.START);
                    actions.add(Action.DONE);
                }
                actions.add(Action.SKIP);
            }
            case IN_PROGRESS -> {
                if (!vote) {
                    actions.add(Action.DONE);
                    actions.add(Action.FAIL);
                }
                actions.add(Action.SKIP);
                actions.add(Action.TAKE_BACK);
            }
            case DONE, SKIPPED, FAILED -> actions.add(Action.TAKE_BACK);
            case ABANDONED -> {
            }
        }
        return actions;
    }

    /** The one-click action of the Now board and the runbook's action column: start a ready step, finish one in progress. */
    @Nullable Action primary(StepRow step) {
        List<Action> offered = offered(step);
        if (step.state() == StepState.READY && offered.contains(Action.START)) {
            return Action.START;
        }
        if (step.state() == StepState.IN_PROGRESS && offered.contains(Action.DONE)) {
            return Action.DONE;
        }
        return null;
    }

    void run(Action action, StepRow step) {
        switch (action) {
            case START -> start(step);
            case DONE -> done(step);
            case SKIP -> skip(step);
            case FAIL -> fail(step);
            case TAKE_BACK -> takeBack(step);
        }
    }

    void start(StepRow step) {
        if (step.state() != StepState.WAITING) {
            now(() -> work.start(runId, step.key(), null));
            return;
        }
        Ask ask = new Ask("Start “" + step.title() + "” early?", "Start anyway")
                .say("It is waiting for " + waitingFor(step) + ". Starting it now is an override: it is recorded with your reason "
                        + "and shown in the run report.");
        TextArea reason = ask.reason("Why start it now?", true);
        ask.open(() -> {
            work.start(runId, step.key(), reason.getValue());
            changed.run();
        });
    }

    void done(StepRow step) {
        boolean waiting = step.state() == StepState.WAITING;
        if (!step.evidenceRequired() && !waiting) {
            now(() -> work.complete(runId, step.key(), null, null));
            return;
        }
        Ask ask = new Ask("Done: “" + step.title() + "”", "Mark as done");
        TextField evidence = null;
        if (step.evidenceRequired()) {
            ask.say("This step needs evidence that it was done: a link (ticket, log, screenshot) or a short note.");
            evidence = ask.line("Evidence (link or note)", true);
        }
        TextArea reason = null;
        if (waiting) {
            ask.say("It is waiting for " + waitingFor(step) + ". Marking it done now is an override, recorded with your reason.");
            reason = ask.reason("Why is it done before them?", true);
        }
        TextField proof = evidence;
        TextArea why = reason;
        ask.open(() -> {
            work.complete(runId, step.key(), proof == null ? null : proof.getValue(), why == null ? null : why.getValue());
            changed.run();
        });
    }

    void skip(StepRow step) {
        Ask ask = new Ask("Skip “" + step.title() + "”?", "Skip").danger()
                .say("A skipped step is not done, on purpose: the steps after it may start. The reason goes into the run log and report.");
        TextArea reason = ask.reason("Why is it skipped?", true);
        ask.open(() -> {
            work.skip(runId, step.key(), reason.getValue());
            changed.run();
        });
    }

    void fail(StepRow step) {
        Ask ask = new Ask("“" + step.title() + "” failed?", "Record the failure").danger()
                .say("The steps after it wait until it is retried (taken back), skipped or overridden — or rollback is invoked.");
        TextArea reason = ask.reason("What went wrong?", true);
        ask.open(() -> {
            work.fail(runId, step.key(), reason.getValue());
            changed.run();
        });
    }

    void takeBack(StepRow step) {
        Ask ask = new Ask("Take back “" + step.title() + "”?", "Take back").danger();
        RadioButtonGroup<StepState> to = new RadioButtonGroup<>("Back to");
        to.setItemLabelGenerator(s -> s == StepState.IN_PROGRESS ? "In progress (keeps the actual start)" : "Not started (clears the actual times)");
        if (step.state() == StepState.IN_PROGRESS) {
            to.setItems(StepState.READY);
        } else {
            to.setItems(StepState.IN_PROGRESS, StepState.READY);
        }
        to.setValue(step.state() == StepState.IN_PROGRESS ? StepState.READY : StepState.IN_PROGRESS);
        ask.with(to).say("Taking a step back is recorded with your reason.");
        TextArea reason = ask.reason("Why?", true);
        ask.open(() -> {
            work.takeBack(runId, step.key(), to.getValue(), reason.getValue());
            changed.run();
        });
    }

    private void now(Ask.Change change) {
        try {
            change.run();
        } catch (RuntimeException e) {
            UserMessages.showError(e);
        }
        changed.run();
    }

    private static String waitingFor(StepRow step) {
        if (step.waitingFor().isEmpty()) {
            return "the steps before it";
        }
        return String.join(", ", step.waitingFor().stream().map(t -> "“" + t + "”").toList());
    }
}
