package app.cadence.work.ui;

import app.cadence.work.domain.InstanceProgress;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.RouterLink;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The templates applied to a project, with progress; a link to each and, for editors, "Apply a template". */
class ProjectInstances extends VerticalLayout {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm z", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    ProjectInstances(Long projectId, List<InstanceProgress> instances, boolean canApply) {
        addClassName("project-instances");
        setPadding(false);
        H3 title = new H3("Applied templates");
        HorizontalLayout header = new HorizontalLayout(title);
        header.setAlignItems(Alignment.BASELINE);
        if (canApply) {
            Button apply = new Button("Apply a template", VaadinIcon.PLUS.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate(ApplyTemplateView.ROUTE, ApplyTemplateView.forProject(projectId))));
            apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            apply.addClassName("apply-template");
            header.add(apply);
        }
        add(header);
        if (instances.isEmpty()) {
            Span empty = new Span(canApply
                    ? "No templates applied yet. Apply a cutover runbook, a communication plan or a retrospective to start tracking."
                    : "No templates applied yet.");
            empty.addClassName("empty-state");
            add(empty);
            return;
        }
        Grid<InstanceProgress> grid = new Grid<>();
        grid.addComponentColumn(ProjectInstances::link).setHeader("Name").setFlexGrow(2).setKey("name");
        grid.addColumn(i -> i.templateName() + " v" + i.versionNumber()).setHeader("Template").setFlexGrow(1);
        grid.addColumn(ProjectInstances::anchor).setHeader("Planned for").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(ProjectInstances::progress).setHeader("Progress").setWidth("12rem").setFlexGrow(0).setKey("progress");
        grid.addColumn(i -> i.overdue() == 0 ? "" : String.valueOf(i.overdue())).setHeader("Overdue").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(i -> i.blocked() == 0 ? "" : String.valueOf(i.blocked())).setHeader("Blocked").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(instances);
        grid.setAllRowsVisible(true);
        grid.addClassName("instances-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        add(grid);
    }

    private static Component link(InstanceProgress i) {
        return new RouterLink(i.name(), InstanceView.class, i.id());
    }

    static String anchor(InstanceProgress i) {
        java.time.ZoneId zone = java.time.ZoneId.of(i.timeZone());
        return switch (i.kind()) {
            case CUTOVER -> i.anchorAt() == null ? "" : "T0 " + AT.format(i.anchorAt().atZone(zone));
            case RETROSPECTIVE -> i.anchorAt() == null ? "" : "Session " + AT.format(i.anchorAt().atZone(zone));
            case COMMUNICATION_PLAN -> (i.planStart() == null ? "" : DAY.format(i.planStart())) + " – "
                    + (i.planEnd() == null ? "" : DAY.format(i.planEnd()));
        };
    }

    static Component progress(InstanceProgress i) {
        if (i.kind() == app.cadence.template.domain.TemplateKind.RETROSPECTIVE) {
            // Its prompts are no work to tick off: a retrospective is run on its session board and followed through its actions.
            Span text = new Span("Run on its session board");
            text.addClassName("progress-text");
            return text;
        }
        ProgressBar bar = new ProgressBar(0, 1, i.progress());
        long counted = i.items() - i.notApplicable();
        Span text = new Span(i.done() + " of " + counted + " done" + (i.notApplicable() > 0 ? " (" + i.notApplicable() + " N/A)" : ""));
        text.addClassName("progress-text");
        bar.getElement().setAttribute("aria-label", text.getText());
        Div box = new Div(bar, text);
        box.addClassName("progress-cell");
        return box;
    }
}
