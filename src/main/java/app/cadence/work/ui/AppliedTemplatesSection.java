package app.cadence.work.ui;

import app.cadence.project.ui.ProjectPageSection;
import app.cadence.work.service.InstanceReading;
import com.vaadin.flow.component.Component;

/** The project page's list of applied templates with their progress. */
@org.springframework.stereotype.Component
class AppliedTemplatesSection implements ProjectPageSection {

    private final InstanceReading reading;

    AppliedTemplatesSection(InstanceReading reading) {
        this.reading = reading;
    }

    @Override
    public Component create(Long projectId, boolean canEdit) {
        return new ProjectInstances(projectId, reading.instancesOf(projectId), canEdit);
    }
}
