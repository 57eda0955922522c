package app.cadence.reporting.ui;

import app.cadence.project.ui.ProjectView;
import app.cadence.reporting.service.ReportView;
import app.cadence.reporting.service.StatusReports;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.ui.MarkdownView;
import app.cadence.tenancy.domain.RoleSets;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

/** One status report, read-only: a published one as it was frozen, a draft as it would read now. */
@Route("status-reports")
@RolesAllowed(RoleSets.MEMBERS)
public class StatusReportView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final StatusReports reports;
    private @Nullable ReportView shown;

    StatusReportView(StatusReports reports) {
        this.reports = reports;
        addClassName("status-report-view");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        ReportView report;
        try {
            report = reports.report(id);
        } catch (RecordNotFoundException e) {
            throw new NotFoundException();
        }
        shown = report;
        removeAll();
        Anchor back = new Anchor(RouteConfiguration.forSessionScope().getUrl(ProjectView.class, String.valueOf(report.projectId())),
                "← Back to the project");
        Span state = new Span(report.published()
                ? "Published by " + report.publishedBy() + " on " + StatusReportsSection.DAY.format(report.asOf()) + ". Read-only."
                : "Draft: everything but the summary is read from the project's data now.");
        state.addClassNames("hint", "report-state");
        Div actions = new Div(back);
        if (report.published()) {
            actions.add(new Span(" · "), ReportPdfLink.of(reports, report.id(), "Download PDF"));
        }
        MarkdownView body = new MarkdownView(report.markdown());
        body.addClassName("report-body");
        add(actions, state, body);
    }

    @Override
    public String getPageTitle() {
        return shown == null ? "Status report · Cadence" : shown.title() + " · Cadence";
    }
}
