package app.cadence.reporting.service;

import app.cadence.project.events.ProjectChanged;
import app.cadence.reporting.domain.StatusReportRepository;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A deleted project takes its status reports with it, in the project's own transaction (a plain listener, like the work module's). */
@Component
class ReportsOnProjects {

    private final StatusReportRepository reports;

    ReportsOnProjects(StatusReportRepository reports) {
        this.reports = reports;
    }

    @EventListener
    void on(ProjectChanged change) {
        if (change.change() == ProjectChanged.Change.DELETED) {
            reports.deleteByProject(change.tenantId(), change.projectId());
        }
    }
}
