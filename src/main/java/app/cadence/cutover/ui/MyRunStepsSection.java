package app.cadence.cutover.ui;

import app.cadence.cutover.domain.StepState;
import app.cadence.cutover.service.RunReading;
import app.cadence.cutover.service.RunReading.MyRunStep;
import app.cadence.work.ui.MyWorkSection;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Optional;

/** My work's list of the cutover steps waiting for the person: ready to start or under way in a running run. */
@org.springframework.stereotype.Component
class MyRunStepsSection implements MyWorkSection {

    private final RunReading reading;

    MyRunStepsSection(RunReading reading) {
        this.reading = reading;
    }

    @Override
    public Optional<Component> create() {
        List<MyRunStep> steps = reading.myRunSteps();
        if (steps.isEmpty()) {
            return Optional.empty();
        }
        Div section = new Div(new H3("Cutover steps waiting for you"));
        section.addClassName("my-run-steps");
        for (MyRunStep step : steps) {
            Anchor link = new Anchor("runs/" + step.runId(), step.title());
            Span where = new Span(" · " + step.runName() + " of " + step.instanceName() + " · " + step.ownerRole());
            where.addClassName("hint");
            Span state = new Span(step.state() == StepState.READY ? "Ready to start" : "In progress");
            state.addClassNames("status-badge", step.state() == StepState.READY ? "status-active" : "status-proposed");
            Div row = new Div(state, new Span(" "), link, where);
            row.addClassName("my-run-step");
            section.add(row);
        }
        return Optional.of(section);
    }
}
