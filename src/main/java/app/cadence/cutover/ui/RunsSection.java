package app.cadence.cutover.ui;

import app.cadence.cutover.service.CutoverRuns;
import app.cadence.cutover.service.RunReading;
import app.cadence.live.LiveScreens;
import app.cadence.live.Topic;
import app.cadence.template.domain.TemplateKind;
import app.cadence.work.service.InstanceHeaders;
import app.cadence.work.ui.InstancePageSection;
import com.vaadin.flow.component.Component;
import java.util.Optional;

/** The instance page's list of a cutover's runs, from the cutover module. */
@org.springframework.stereotype.Component
class RunsSection implements InstancePageSection {

    private final RunReading reading;
    private final CutoverRuns runs;
    private final InstanceHeaders instances;
    private final LiveScreens live;

    RunsSection(RunReading reading, CutoverRuns runs, InstanceHeaders instances, LiveScreens live) {
        this.reading = reading;
        this.runs = runs;
        this.instances = instances;
        this.live = live;
    }

    @Override
    public Optional<Component> create(Long instanceId, TemplateKind kind, boolean canManage) {
        if (kind != TemplateKind.CUTOVER) {
            return Optional.empty();
        }
        RunList list = new RunList(instanceId, reading, runs, instances);
        live.follow(list, () -> java.util.List.of(Topic.runsOf(instanceId)), changes -> list.refresh());
        return Optional.of(list);
    }
}
