package app.cadence.project.ui;


import app.cadence.audit.service.AuditTrail;
import app.cadence.live.LiveMessage;
import app.cadence.live.LiveScreens;
import app.cadence.live.Topic;
import app.cadence.project.domain.ProgramRow;
import app.cadence.project.domain.Project;
import app.cadence.project.domain.ProjectStatus;
import app.cadence.project.events.ProjectChanged;
import app.cadence.project.service.ProgramService;
import app.cadence.project.service.ProjectForm;
import app.cadence.project.service.ProjectHealthService;
import app.cadence.project.service.ProjectService;
import app.cadence.project.service.ProjectWorkFacts;
import app.cadence.shared.domain.ConcurrentChangeException;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.shared.ui.UnsavedChanges;
import app.cadence.shared.ui.UserMessages;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.MemberSummary;
import app.cadence.tenancy.service.MembershipDirectory;
import app.cadence.tenancy.service.TenantSettings;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.modulith.NamedInterface;

/** One project: read for everyone in the tenant, create and edit for ADMIN, PMO and PM. */
@NamedInterface("ui")
@Route("projects")
@RolesAllowed(RoleSets.MEMBERS)
public class ProjectView extends VerticalLayout implements HasUrlParameter<String>, BeforeLeaveObserver, HasDynamicTitle {

    public static final String NEW = "new";
    private static final String GO_LIVE_BEFORE_START = "The go-live date cannot be before the start date.";
    private static final String CLOSE_BEFORE_START = "The close date cannot be before the start date.";
    private static final DateTimeFormatter CHANGED = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.UK);

    private final ProjectService projects;
    private final ProjectWorkFacts work;
    private final List<ProjectPageSection> sections;
    private final ProjectHealthService health;
    private final ZoneId zone;
    private final AuditTrail audit;
    private final Div overview = new Div();
    /** The tabs under the overview (communications, status reports): workspaces that follow their own changes. */
    private final Div tabs = new Div();
    private final boolean canEdit;
    private @Nullable ProjectHistory history;
    /** The label of the tab the person chose, kept when the page is redrawn for a change; null: the first. */
    private @Nullable String openTab;
    private final MembershipDirectory members;

    private final H2 heading = new H2();
    private final Paragraph lastChange = new Paragraph();
    private final TextField key = new TextField("Key");
    private final TextField name = new TextField("Name");
    private final ComboBox<MemberSummary> pm = new ComboBox<>("Project manager");
    private final Select<ProjectStatus> status = new Select<>();
    private final DatePicker startDate = new DatePicker("Start date");
    private final DatePicker goLiveDate = new DatePicker("Go-live date");
    private final DatePicker closeDate = new DatePicker("Close date");
    private final ComboBox<ProgramRow> program = new ComboBox<>("Program");
    private final TextField sponsor = new TextField("Sponsor");
    private final List<ProgramRow> programs;
    private final TextArea description = new TextArea("Description");
    private final Button save = new Button("Save");
    private final Button delete = new Button("Delete", VaadinIcon.TRASH.create());
    private final BeanValidationBinder<ProjectForm> binder = new BeanValidationBinder<>(ProjectForm.class);
    private final Map<String, HasValidation> fieldsByProperty;

    private ProjectForm form = new ProjectForm();
    private boolean leavingConfirmed;
    private final LiveScreens.Following following;

    ProjectView(ProjectService projects, ProjectWorkFacts work, List<ProjectPageSection> sections, ProjectHealthService health, TenantSettings settings,
                ProgramService programService, MembershipDirectory memberships, AuditTrail audit, AuthenticationContext authentication,
                LiveScreens live) {
        this.projects = projects;
        this.work = work;
        this.sections = sections.stream().sorted(java.util.Comparator.comparingInt(ProjectPageSection::order)).toList();
        this.health = health;
        this.zone = settings.zone();
        this.programs = programService.list();
        this.audit = audit;
        this.canEdit = authentication.hasRole(RoleSets.PROJECT_MANAGERS);
        this.members = memberships;
        this.following = live.follow(this, () -> form.getId() == null ? List.of() : List.of(Topic.project(form.getId())), this::followChanges);
        this.fieldsByProperty = Map.of("key", key, "name", name, "pmUserId", pm, "status", status,
                "startDate", startDate, "goLiveDate", goLiveDate, "description", description,
                "closeDate", closeDate, "programId", program, "sponsor", sponsor);
        addClassName("project-view");
        setMaxWidth("60rem");

        configureFields();
        bindFields();

        FormLayout layout = new FormLayout(key, name, pm, status, program, sponsor, startDate, goLiveDate, closeDate, description);
        layout.setColspan(name, 1);
        layout.setColspan(description, 2);
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2));

        Button back = new Button("Back to projects", VaadinIcon.ARROW_LEFT.create(), e -> navigateToList());
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        save.addClickShortcut(Key.KEY_S, KeyModifier.CONTROL).listenOn(this);
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.addClickListener(e -> confirmDelete());
        HorizontalLayout actions = new HorizontalLayout(save, back, delete);
        actions.addClassName("form-actions");
        save.setVisible(canEdit);
        delete.setVisible(false);

        lastChange.addClassName("last-change");
        overview.addClassName("project-overview");
        H3 details = new H3("Details");
        details.addClassName("details-heading");
        add(heading, lastChange, overview, tabs, details, layout, actions);
        binder.setReadOnly(!canEdit);
        if (!canEdit) {
            showAsReadOnly();
        }
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        if (NEW.equals(parameter)) {
            if (!canEdit) {
                throw new NotFoundException();
            }
            show(new ProjectForm());
            return;
        }
        try {
            show(projects.load(Long.valueOf(parameter)));
        } catch (NumberFormatException | RecordNotFoundException e) {
            // Unknown id and another tenant's id look the same: not found.
            throw new NotFoundException();
        }
    }

    @Override
    public String getPageTitle() {
        return (form.isNew() ? "New project" : form.getKey() + " " + form.getName()) + " · Cadence";
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (canEdit && binder.hasChanges() && !leavingConfirmed) {
            UnsavedChanges.confirmLeaving(event, "this project");
        }
    }

    private void configureFields() {
        key.setMaxLength(Project.KEY_MAX);
        key.addClassName("project-key-field");
        key.setHelperText("Short and unique in your organisation, e.g. ERP-01.");
        key.setRequiredIndicatorVisible(true);
        key.setAutofocus(true);
        name.setMaxLength(Project.NAME_MAX);
        name.setRequiredIndicatorVisible(true);
        description.setMaxLength(Project.DESCRIPTION_MAX);
        description.setHelperText("Scope, objectives, anything the team should know.");
        description.setMinHeight("8rem");
        // Fetched as the person types, a page at a time: the whole organisation would sit in the
        // session of every open project page (500 people in the C11 load, roughly 150 bytes each).
        pm.setItems(query -> members.activeMembersMatching(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream(),
                query -> members.countActiveMembersMatching(query.getFilter().orElse("")));
        pm.setItemLabelGenerator(m -> m.displayName() + " (" + m.email() + ")");
        pm.setClearButtonVisible(true);
        pm.setPlaceholder("Not assigned");
        status.setLabel("Status");
        status.setItems(ProjectStatus.values());
        status.setItemLabelGenerator(ProjectStatus::label);
        startDate.setClearButtonVisible(true);
        goLiveDate.setClearButtonVisible(true);
        // Day/month/year, weeks from Monday: the same reading as the hint and the project list.
        startDate.setLocale(Locale.UK);
        goLiveDate.setLocale(Locale.UK);
        closeDate.setLocale(Locale.UK);
        closeDate.setClearButtonVisible(true);
        closeDate.setI18n(new DatePicker.DatePickerI18n()
                .setBadInputErrorMessage("Enter a valid date, e.g. 31/12/2026.")
                .setMinErrorMessage(CLOSE_BEFORE_START));
        program.setItems(programs);
        program.setItemLabelGenerator(ProgramRow::name);
        program.setClearButtonVisible(true);
        program.setPlaceholder("No program");
        sponsor.setMaxLength(Project.SPONSOR_MAX);
        sponsor.setHelperText("The executive who owns the business case.");
        startDate.setI18n(new DatePicker.DatePickerI18n().setBadInputErrorMessage("Enter a valid date, e.g. 31/12/2026."));
        goLiveDate.setI18n(new DatePicker.DatePickerI18n()
                .setBadInputErrorMessage("Enter a valid date, e.g. 31/12/2026.")
                .setMinErrorMessage(GO_LIVE_BEFORE_START));
        startDate.addValueChangeListener(e -> {
            goLiveDate.setMin(e.getValue());
            closeDate.setMin(e.getValue());
        });
    }

    /** For readers: no required marks, hints or focus meant for editors. */
    private void showAsReadOnly() {
        key.setRequiredIndicatorVisible(false);
        name.setRequiredIndicatorVisible(false);
        key.setAutofocus(false);
        key.setHelperText(null);
        description.setHelperText(null);
        pm.setPlaceholder(null);
        program.setPlaceholder(null);
        sponsor.setHelperText(null);
    }

    private void bindFields() {
        // Keys are stored in capitals; accept them typed in any case.
        binder.forField(key)
                .withConverter(v -> v == null ? "" : v.trim().toUpperCase(java.util.Locale.ROOT), v -> v)
                .bind("key");
        binder.forField(name).bind("name");
        binder.forField(description).withNullRepresentation("").bind("description");
        binder.forField(pm).bind(f -> memberById(f.getPmUserId()), (f, m) -> f.setPmUserId(m == null ? null : m.userId()));
        binder.forField(status).bind("status");
        binder.forField(startDate).bind("startDate");
        binder.forField(goLiveDate)
                .withValidator(date -> date == null || startDate.getValue() == null || !date.isBefore(startDate.getValue()),
                        GO_LIVE_BEFORE_START)
                .bind("goLiveDate");
        binder.forField(closeDate)
                .withValidator(date -> date == null || startDate.getValue() == null || !date.isBefore(startDate.getValue()),
                        CLOSE_BEFORE_START)
                .bind("closeDate");
        binder.forField(program).bind(f -> programById(f.getProgramId()), (f, p) -> f.setProgramId(p == null ? null : p.id()));
        binder.forField(sponsor).withNullRepresentation("").bind("sponsor");
        startDate.addValueChangeListener(e -> {
            if (goLiveDate.getValue() != null || closeDate.getValue() != null) {
                binder.validate();
            }
        });
    }

    private @Nullable ProgramRow programById(@Nullable Long programId) {
        return programId == null ? null : programs.stream().filter(p -> p.id().equals(programId)).findFirst().orElse(null);
    }

    private @Nullable MemberSummary memberById(@Nullable Long userId) {
        return userId == null ? null : members.activeMembers(List.of(userId)).stream().findFirst().orElse(null);
    }

    private void show(ProjectForm loaded) {
        show(loaded, true);
    }

    private void show(ProjectForm loaded, boolean redrawTabs) {
        boolean otherProject = !Objects.equals(form.getId(), loaded.getId());
        this.form = loaded;
        if (otherProject) {
            openTab = null;
            following.refollow();
        }
        binder.readBean(loaded);
        heading.setText(loaded.isNew() ? "New project" : loaded.getKey() + " · " + loaded.getName());
        if (!canEdit) {
            Span badge = new Span("View only");
            badge.addClassName("view-only-badge");
            heading.add(badge);
        }
        key.setReadOnly(!canEdit);
        // Only a new project starts in the key field: on an existing one it invites accidental edits.
        key.setAutofocus(canEdit && loaded.isNew());
        save.setText(loaded.isNew() ? "Create project" : "Save changes");
        delete.setVisible(canEdit && !loaded.isNew());
        lastChange.setVisible(!loaded.isNew());
        if (!loaded.isNew() && loaded.getUpdatedAt() != null) {
            lastChange.setText("Last changed by " + loaded.getUpdatedBy() + " on " + CHANGED.format(loaded.getUpdatedAt().atZone(zone)) + ".");
        }
        showOverview(loaded, redrawTabs || otherProject);
    }

    /**
     * Health, key dates, applied templates with their progress, and the history; the tabs too when
     * {@code redrawTabs}. Their workspaces follow their own changes, and what changes the overview
     * most (an item worked) changes nothing in them: redrawing them on each item done read and
     * sent the communications and stakeholders again (docs/performance.md, "A faster sandbox").
     */
    private void showOverview(ProjectForm loaded, boolean redrawTabs) {
        if (history != null && (loaded.isNew() || !history.shows(Objects.requireNonNull(loaded.getId())))) {
            remove(history);
            history = null;
        }
        overview.removeAll();
        overview.setVisible(!loaded.isNew());
        if (redrawTabs) {
            tabs.removeAll();
        }
        tabs.setVisible(!loaded.isNew());
        if (!loaded.isNew()) {
            Long id = Objects.requireNonNull(loaded.getId());
            Div cards = new Div(new HealthPanel(health, id, canEdit, zone, this::reload), keyDates(loaded));
            cards.addClassName("card-row");
            overview.add(cards);
            sections.stream().filter(section -> ProjectPageSection.OVERVIEW.equals(section.tab()))
                    .forEach(section -> overview.add(section.create(id, canEdit)));
            // Communications and status reports are whole workspaces of their own: tabs under the overview.
            Map<String, List<ProjectPageSection>> byTab = new LinkedHashMap<>();
            sections.stream().filter(section -> !ProjectPageSection.OVERVIEW.equals(section.tab()))
                    .forEach(section -> byTab.computeIfAbsent(section.tab(), t -> new ArrayList<>()).add(section));
            if (redrawTabs && !byTab.isEmpty()) {
                tabs.add(tabSheet(id, byTab));
            }
            // Kept through live changes, with the filters someone may be typing in: only its rows are read again.
            if (history == null) {
                history = new ProjectHistory(audit, id, zone);
                add(history);
            } else {
                history.refresh();
            }
        }
    }

    /**
     * The tabs, each drawn when it is first shown: a tab sheet sends and keeps every tab's content
     * whether shown or not, and the communications and status-report workspaces read and draw a
     * good deal that most visits never look at (docs/performance.md, "Where the node's CPU went at 250 users"). The
     * tab the person was on stays open when a live change redraws the page.
     */
    private TabSheet tabSheet(Long id, Map<String, List<ProjectPageSection>> tabs) {
        TabSheet sheet = new TabSheet();
        sheet.addClassName("project-tabs");
        sheet.setWidthFull();
        Map<Tab, Runnable> drawWhenShown = new HashMap<>();
        tabs.forEach((label, ofTab) -> {
            Div content = new Div();
            Tab tab = sheet.add(label, content);
            drawWhenShown.put(tab, () -> {
                if (content.getComponentCount() == 0) {
                    ofTab.forEach(section -> content.add(section.create(id, canEdit)));
                }
            });
        });
        drawWhenShown.keySet().stream().filter(tab -> tab.getLabel().equals(openTab)).findFirst().ifPresent(sheet::setSelectedTab);
        drawWhenShown.get(sheet.getSelectedTab()).run();
        sheet.addSelectedChangeListener(e -> {
            openTab = e.getSelectedTab().getLabel();
            drawWhenShown.get(e.getSelectedTab()).run();
        });
        return sheet;
    }

    private static Div keyDates(ProjectForm project) {
        Div card = new Div(new H3("Key dates"));
        card.addClassNames("card", "key-dates");
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
        for (var entry : List.of(Map.entry("Start", Optional.ofNullable(project.getStartDate())),
                Map.entry("Go-live", Optional.ofNullable(project.getGoLiveDate())),
                Map.entry("Close", Optional.ofNullable(project.getCloseDate())))) {
            Span label = new Span(entry.getKey());
            label.addClassName("key-date-label");
            Span value = new Span(entry.getValue().map(day::format).orElse("Not set"));
            Div line = new Div(label, value);
            line.addClassName("key-date");
            card.add(line);
        }
        return card;
    }

    /**
     * Others changed the project or its items: the overview follows at once; the details follow
     * too unless the user has unsaved edits in them, which are kept (saving then reports the
     * conflict). The tabs are drawn again only when the project itself changed.
     */
    private void followChanges(List<LiveMessage> changes) {
        Long id = form.getId();
        if (id == null) {
            return;
        }
        boolean redrawTabs = changes.stream().anyMatch(change -> ProjectChanged.SUBJECT.equals(change.subject()));
        ProjectForm latest;
        try {
            latest = projects.load(id);
        } catch (RecordNotFoundException e) {
            UserMessages.showError(new RuleViolationException(null, changes.getLast().changedByName() + " deleted project "
                    + form.getKey() + ". Go back to the project list."));
            return;
        }
        if (canEdit && binder.hasChanges()) {
            if (latest.getVersion() != form.getVersion()) {
                lastChange.setText(latest.getUpdatedBy() + " changed this project while you were editing it. "
                        + "Your edits are kept, not saved; saving them will show the conflict.");
            }
            showOverview(form, redrawTabs);
        } else {
            show(latest, redrawTabs);
        }
    }

    /** After a change made outside the form (e.g. the health override), unless the user has unsaved edits. */
    private void reload() {
        if (binder.hasChanges()) {
            UserMessages.showSuccess("Saved. Your unsaved edits of the details are kept; reload the page to see the latest version.");
            return;
        }
        show(projects.load(Objects.requireNonNull(form.getId())));
    }

    private void save() {
        ProjectForm edited = new ProjectForm();
        edited.setId(form.getId());
        edited.setVersion(form.getVersion());
        try {
            binder.writeBean(edited);
        } catch (ValidationException e) {
            e.getFieldValidationErrors().stream().findFirst()
                    .map(error -> error.getField())
                    .filter(field -> field instanceof Focusable<?>)
                    .ifPresent(field -> ((Focusable<?>) field).focus());
            UserMessages.showError(new RuleViolationException(null, "Check the highlighted fields and save again."));
            return;
        }
        try {
            if (edited.isNew()) {
                Long id = projects.create(edited);
                leavingConfirmed = true;
                UserMessages.showSuccess("Project " + edited.getKey() + " created.");
                getUI().ifPresent(ui -> ui.navigate(ProjectView.class, String.valueOf(id)));
            } else {
                show(projects.update(edited));
                UserMessages.showSuccess("Changes to " + edited.getKey() + " saved.");
            }
        } catch (RuleViolationException e) {
            HasValidation field = e.field() == null ? null : fieldsByProperty.get(e.field());
            if (field != null) {
                field.setErrorMessage(e.getMessage());
                field.setInvalid(true);
            }
            UserMessages.showError(e);
        } catch (ConcurrentChangeException | OptimisticLockingFailureException | RecordNotFoundException e) {
            // The user's input stays in the form: nothing they typed is lost.
            UserMessages.showError(e);
        }
    }

    private void confirmDelete() {
        int applied = work.appliedTemplates(Objects.requireNonNull(form.getId()));
        ConfirmDialog dialog = new ConfirmDialog("Delete " + form.getKey() + "?",
                "The project “" + form.getName() + "”" + (applied == 0 ? "" : " and its " + applied + " applied templates with all their items")
                        + " will be deleted for everyone in your organisation. This cannot be undone.",
                "Delete project", e -> delete());
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    private void delete() {
        try {
            projects.delete(Objects.requireNonNull(form.getId()), form.getVersion());
            leavingConfirmed = true;
            UserMessages.showSuccess("Project " + form.getKey() + " deleted.");
            navigateToList();
        } catch (RuntimeException e) {
            UserMessages.showError(e);
        }
    }

    private void navigateToList() {
        getUI().ifPresent(ui -> ui.navigate(ProjectsView.class));
    }
}
