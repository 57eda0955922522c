package app.cadence.work.ui;

import app.cadence.project.domain.ProjectRow;
import app.cadence.project.service.ProjectForm;
import app.cadence.project.service.ProjectService;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.shared.ui.UserMessages;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.service.TemplateViews.ApplicableTemplate;
import app.cadence.template.service.TemplateViews.PublishedVersion;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.TenantSettings;
import app.cadence.work.domain.Anchors;
import app.cadence.work.domain.Instance;
import app.cadence.work.domain.PlannedItem;
import app.cadence.work.service.InstanceApplication;
import app.cadence.work.service.InstanceViews.InstantiationRequest;
import app.cadence.work.service.InstanceViews.Preview;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;

/**
 * Applies a published template version to a project: choose both, give the anchor dates, check
 * the computed due dates in the preview, adjust the name, create. Reached from a project ("Apply
 * a template") and from a template's page ("Apply to a project").
 */
@Route(ApplyTemplateView.ROUTE)
@PageTitle("Apply a template · Cadence")
@RolesAllowed(RoleSets.PROJECT_MANAGERS)
public class ApplyTemplateView extends VerticalLayout implements BeforeEnterObserver {

    public static final String ROUTE = "apply";
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm z", Locale.UK);

    private final InstanceApplication applying;
    private final ProjectService projects;
    private final ZoneId zone;
    private final Clock clock;
    private final List<ApplicableTemplate> templates;

    private final ComboBox<ProjectRow> project = new ComboBox<>("Project");
    private final ComboBox<ApplicableTemplate> template = new ComboBox<>("Template");
    private final Select<PublishedVersion> version = new Select<>();
    private final TextField name = new TextField("Name");
    private final DateTimePicker at = new DateTimePicker();
    private final DatePicker start = new DatePicker("Plan start");
    private final DatePicker end = new DatePicker("Plan end");
    private final DatePicker goLive = new DatePicker("Go-live");
    private final Paragraph zoneNote = new Paragraph();
    private final Span previewSummary = new Span();
    private final Grid<PlannedItem> preview = new Grid<>();
    private final Button create = new Button("Create");
    private final Map<String, HasValidation> fieldsByProperty = Map.of("name", name, "at", at, "start", start, "end", end,
            "goLive", goLive, "template", template);
    private @Nullable String suggestedName;

    ApplyTemplateView(InstanceApplication applying, ProjectService projects, TenantSettings settings, Clock clock) {
        this.applying = applying;
        this.projects = projects;
        this.zone = settings.zone();
        this.clock = clock;
        this.templates = applying.applicableTemplates();
        addClassName("apply-template-view");
        setMaxWidth("72rem");

        project.setItems(query -> projects.list(query.getFilter().orElse(""), Sort.by("key"), query.getOffset(), query.getLimit()).stream(),
                query -> Math.toIntExact(projects.count(query.getFilter().orElse(""))));
        project.setItemLabelGenerator(p -> p.key() + " · " + p.name());
        project.setRequired(true);
        project.setAutofocus(true);
        template.setItems(templates);
        template.setItemLabelGenerator(t -> t.kind().label() + " · " + t.name());
        template.setRequired(true);
        template.setHelperText("Active templates with a published version.");
        version.setLabel("Version");
        version.setItemLabelGenerator(v -> v.label() + (template.getValue() != null && v.equals(template.getValue().latest()) ? " (latest)" : ""));
        name.setMaxLength(Instance.NAME_MAX);
        name.setRequired(true);
        name.setHelperText("Several instances of one template are fine, e.g. “rehearsal 1” and “live”.");
        at.setLocale(Locale.UK);
        at.setStep(java.time.Duration.ofMinutes(15));
        for (DatePicker picker : new DatePicker[] {start, end, goLive}) {
            picker.setLocale(Locale.UK);
        }
        zoneNote.setText("Dates and times are in " + zone.getId() + ", your organisation's time zone; daylight saving is taken into account.");
        zoneNote.addClassName("hint");

        project.addValueChangeListener(e -> {
            defaultAnchors();
            suggestName();
            refreshPreview();
        });
        template.addValueChangeListener(e -> {
            ApplicableTemplate chosen = e.getValue();
            version.setItems(chosen == null ? List.of() : chosen.versions());
            version.setValue(chosen == null ? null : chosen.latest());
            showAnchorsFor(chosen == null ? null : chosen.kind());
            defaultAnchors();
            suggestName();
            refreshPreview();
        });
        version.addValueChangeListener(e -> refreshPreview());
        at.addValueChangeListener(e -> refreshPreview());
        start.addValueChangeListener(e -> refreshPreview());
        end.addValueChangeListener(e -> refreshPreview());
        goLive.addValueChangeListener(e -> refreshPreview());
        showAnchorsFor(null);

        preview.addColumn(PlannedItem::sectionTitle).setHeader("Section").setAutoWidth(true).setFlexGrow(0);
        preview.addColumn(p -> p.item().title()).setHeader("Item").setFlexGrow(1);
        preview.addColumn(p -> p.due() == null ? "" : DUE.format(p.due().atZone(zone))
                + (p.movedFrom() == null ? "" : " (moved from " + DUE.format(p.movedFrom().atZone(zone)) + ", a day off)")).setHeader("Due").setAutoWidth(true).setFlexGrow(0).setKey("due");
        preview.addColumn(p -> p.ownerRole() == null ? "" : p.ownerRole()).setHeader("Owner role").setAutoWidth(true).setFlexGrow(0).setKey("ownerRole");
        preview.addColumn(p -> p.criticalPath() ? "Critical path" : "").setHeader("").setAutoWidth(true).setFlexGrow(0);
        preview.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        preview.setHeight("24rem");
        preview.addClassName("plan-preview");
        preview.setEmptyStateText("Choose a project, a template and its dates to see the plan.");

        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClassName("create-instance");
        create.addClickListener(e -> create());
        Button cancel = new Button("Cancel", e -> getUI().ifPresent(ui -> ui.getPage().getHistory().back()));
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        FormLayout form = new FormLayout(project, template, version, name, at, start, end, goLive);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        H3 previewTitle = new H3("Preview");
        previewSummary.addClassName("preview-summary");
        add(new H2("Apply a template"), form, zoneNote, new HorizontalLayout(previewTitle, previewSummary), preview,
                new HorizontalLayout(create, cancel));
    }

    /** Query parameters that open this page for a project. */
    public static QueryParameters forProject(Long projectId) {
        return QueryParameters.of("project", String.valueOf(projectId));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        // Ids from the address only preselect; the service checks them against the current tenant.
        firstLong(parameters.get("project")).ifPresent(id -> {
            try {
                ProjectForm loaded = projects.load(id);
                project.setValue(new ProjectRow(id, loaded.getKey(), loaded.getName(), null, loaded.getStatus(),
                        loaded.getStartDate(), loaded.getGoLiveDate(), null));
            } catch (RecordNotFoundException e) {
                UserMessages.showError(e);
            }
        });
        firstLong(parameters.get("template")).flatMap(id -> templates.stream().filter(t -> t.id().equals(id)).findFirst())
                .ifPresent(template::setValue);
    }

    private static Optional<Long> firstLong(@Nullable List<String> values) {
        try {
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(Long.valueOf(values.getFirst()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void showAnchorsFor(@Nullable TemplateKind kind) {
        at.setVisible(kind == TemplateKind.CUTOVER || kind == TemplateKind.RETROSPECTIVE);
        at.setLabel(kind == TemplateKind.RETROSPECTIVE ? "Session date and time" : "T0 (switch-over) date and time");
        at.setHelperText(kind == TemplateKind.RETROSPECTIVE ? null : "Step times count from T0, e.g. T−2d 4h (two days and four hours before).");
        // A retrospective's prompts are not due: no column that would stay empty.
        Grid.Column<PlannedItem> due = preview.getColumnByKey("due");
        if (due != null) {
            due.setVisible(kind != TemplateKind.RETROSPECTIVE);
        }
        boolean plan = kind == TemplateKind.COMMUNICATION_PLAN;
        start.setVisible(plan);
        end.setVisible(plan);
        goLive.setVisible(plan);
    }

    /** Sensible first values from the project's key dates; the user's own values are never overwritten. */
    private void defaultAnchors() {
        ProjectRow chosen = project.getValue();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate projectGoLive = chosen == null ? null : chosen.goLiveDate();
        if (at.getValue() == null && template.getValue() != null) {
            at.setValue(template.getValue().kind() == TemplateKind.CUTOVER && projectGoLive != null
                    ? projectGoLive.atTime(LocalTime.of(18, 0)) : today.plusDays(1).atTime(LocalTime.of(10, 0)));
        }
        if (start.getValue() == null) {
            start.setValue(chosen != null && chosen.startDate() != null && chosen.startDate().isAfter(today) ? chosen.startDate() : today);
        }
        if (goLive.getValue() == null && projectGoLive != null) {
            goLive.setValue(projectGoLive);
        }
        if (end.getValue() == null) {
            end.setValue((projectGoLive != null ? projectGoLive : today).plusDays(30));
        }
    }

    private void suggestName() {
        if (project.getValue() == null || template.getValue() == null) {
            return;
        }
        if (name.isEmpty() || name.getValue().equals(suggestedName)) {
            suggestedName = applying.suggestName(project.getValue().id(), template.getValue().name());
            name.setValue(suggestedName);
        }
    }

    private Anchors anchors() {
        LocalDateTime moment = at.isVisible() ? at.getValue() : null;
        return start.isVisible() ? new Anchors(null, start.getValue(), end.getValue(), goLive.getValue()) : new Anchors(moment, null, null, null);
    }

    private void refreshPreview() {
        fieldsByProperty.values().forEach(f -> f.setInvalid(false));
        if (template.getValue() == null || version.getValue() == null) {
            preview.setItems(List.of());
            previewSummary.setText("");
            return;
        }
        try {
            Preview plan = applying.preview(template.getValue().id(), version.getValue().id(), anchors());
            preview.setItems(plan.items());
            long critical = plan.items().stream().filter(PlannedItem::criticalPath).count();
            previewSummary.setText(plan.items().size() + " items from " + plan.templateName() + " version " + plan.versionNumber()
                    + (critical > 0 ? "; " + critical + " on the critical path" : "") + ".");
        } catch (RuleViolationException e) {
            preview.setItems(List.of());
            previewSummary.setText(e.getMessage());
            markInvalid(e);
        } catch (RuntimeException e) {
            UserMessages.showError(e);
        }
    }

    private void markInvalid(RuleViolationException e) {
        HasValidation field = e.field() == null ? null : fieldsByProperty.get(e.field());
        if (field != null) {
            field.setErrorMessage(e.getMessage());
            field.setInvalid(true);
        }
    }

    private void create() {
        if (project.getValue() == null) {
            project.setErrorMessage("Choose the project to apply the template to.");
            project.setInvalid(true);
            project.focus();
            return;
        }
        if (template.getValue() == null || version.getValue() == null) {
            template.setErrorMessage("Choose a template.");
            template.setInvalid(true);
            template.focus();
            return;
        }
        try {
            Long id = applying.instantiate(new InstantiationRequest(project.getValue().id(), template.getValue().id(),
                    version.getValue().id(), name.getValue(), anchors()));
            UserMessages.showSuccess("“" + name.getValue().strip() + "” created on " + project.getValue().key() + ".");
            getUI().ifPresent(ui -> ui.navigate(InstanceView.class, id));
        } catch (RuleViolationException e) {
            markInvalid(e);
            UserMessages.showError(e);
        } catch (RuntimeException e) {
            UserMessages.showError(e);
        }
    }
}
