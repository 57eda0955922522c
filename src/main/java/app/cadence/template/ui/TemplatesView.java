package app.cadence.template.ui;

import app.cadence.live.LiveScreens;
import app.cadence.live.Topic;
import app.cadence.shared.UploadLimits;
import app.cadence.shared.ui.BoundedUploadHandler;
import app.cadence.shared.ui.UserMessages;
import app.cadence.template.domain.Template;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.domain.TemplateRow;
import app.cadence.template.domain.TemplateStatus;
import app.cadence.template.service.TemplateLibrary;
import app.cadence.template.service.TemplateTransfer;
import app.cadence.template.service.TemplateViews.Filter;
import app.cadence.tenancy.domain.RoleSets;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The tenant's template library: a lazy list filtered by kind and status, searchable by name. */
@Route("templates")
@Menu(order = 5, icon = "vaadin:file-tree", title = "Templates")
@PageTitle("Templates · Cadence")
@RolesAllowed(RoleSets.MEMBERS)
public class TemplatesView extends VerticalLayout {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.UK).withZone(ZoneId.of("UTC"));

    private final TemplateLibrary library;
    private final TemplateTransfer transfer;
    private final UploadLimits uploadLimits;
    private final Select<TemplateKind> kind = new Select<>();
    private final Select<TemplateStatus> status = new Select<>();
    private final TextField search = new TextField();
    private final Grid<TemplateRow> grid = new Grid<>(TemplateRow.class, false);
    private final Paragraph emptyState = new Paragraph();

    TemplatesView(TemplateLibrary library, TemplateTransfer transfer, AuthenticationContext authentication, UploadLimits uploadLimits,
                  LiveScreens live) {
        // Templates created, published or retired by others show without a reload.
        live.follow(this, () -> List.of(Topic.TEMPLATES), changes -> refresh());
        this.library = library;
        this.transfer = transfer;
        this.uploadLimits = uploadLimits;
        addClassName("templates-view");
        setSizeFull();

        kind.setAriaLabel("Kind");
        kind.setId("template-kind-filter");
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption("All kinds");
        kind.setItems(TemplateKind.values());
        kind.setItemLabelGenerator(k -> k == null ? "All kinds" : k.label());
        kind.addValueChangeListener(e -> refresh());
        status.setAriaLabel("Status");
        status.setId("template-status-filter");
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("Any status");
        status.setItems(TemplateStatus.values());
        status.setItemLabelGenerator(s -> s == null ? "Any status" : s.label());
        status.addValueChangeListener(e -> refresh());
        search.setPlaceholder("Search templates");
        search.setAriaLabel("Search templates by name");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());

        HorizontalLayout toolbar = new HorizontalLayout(search, kind, status);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.expand(search);
        if (authentication.hasRole(RoleSets.PORTFOLIO_OFFICE)) {
            Button create = new Button("New template", VaadinIcon.PLUS.create(), e -> openCreateDialog());
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button importFile = new Button("Import…", VaadinIcon.UPLOAD.create(), e -> openImportDialog());
            Button fromSpreadsheet = new Button("From Excel or CSV…", VaadinIcon.TABLE.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate(SpreadsheetImportView.class)));
            toolbar.add(importFile, fromSpreadsheet, create);
        }

        grid.addColumn(r -> r.kind().label()).setHeader("Kind").setKey("kind").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(r -> new RouterLink(r.name(), TemplateView.class, String.valueOf(r.id())))
                .setHeader("Name").setKey("name").setSortable(true).setFlexGrow(3);
        grid.addColumn(r -> r.latestPublished() == null ? "—" : "v" + r.latestPublished()).setHeader("Latest version").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.draftPending() ? "Yes" : "No").setHeader("Draft pending").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(TemplatesView::statusBadge).setHeader("Status").setKey("status").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(TemplateRow::updatedBy).setHeader("Changed by").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(r -> WHEN.format(r.updatedAt())).setHeader("Last change").setKey("updatedAt").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setPageSize(50);
        grid.setSizeFull();
        grid.setItems(
                query -> library.list(filter(), VaadinSpringDataHelpers.toSpringDataSort(query), query.getOffset(), query.getLimit()).stream(),
                query -> countAndDescribeEmptyState());
        emptyState.addClassName("empty-state");
        grid.setEmptyStateComponent(emptyState);
        add(toolbar, grid);
        expand(grid);
    }

    private Filter filter() {
        return new Filter(kind.getValue(), status.getValue(), search.getValue());
    }

    private int countAndDescribeEmptyState() {
        int count = Math.toIntExact(library.count(filter()));
        if (count == 0) {
            boolean filtered = kind.getValue() != null || status.getValue() != null || !search.isEmpty();
            emptyState.setText(filtered ? "No template matches these filters." : "The library is empty. Templates you create appear here.");
        }
        return count;
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New template");
        Select<TemplateKind> newKind = new Select<>();
        newKind.setLabel("Kind");
        newKind.setItems(TemplateKind.values());
        newKind.setItemLabelGenerator(TemplateKind::label);
        newKind.setValue(TemplateKind.CUTOVER);
        TextField name = new TextField("Name");
        name.setMaxLength(Template.NAME_MAX);
        name.setRequiredIndicatorVisible(true);
        name.setAutofocus(true);
        TextArea description = new TextArea("Description");
        description.setMaxLength(Template.DESCRIPTION_MAX);
        dialog.add(new FormLayout(newKind, name, description));
        Button cancel = new Button("Cancel", e -> dialog.close());
        Button create = new Button("Create", e -> {
            try {
                Long id = library.create(newKind.getValue(), name.getValue(), blankToNull(description.getValue()));
                dialog.close();
                UserMessages.showSuccess("Template “" + name.getValue().strip() + "” created as a draft.");
                getUI().ifPresent(ui -> ui.navigate(TemplateView.class, String.valueOf(id)));
            } catch (app.cadence.shared.domain.RuleViolationException ex) {
                if ("description".equals(ex.field())) {
                    description.setErrorMessage(ex.getMessage());
                    description.setInvalid(true);
                } else {
                    name.setErrorMessage(ex.getMessage());
                    name.setInvalid(true);
                }
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(com.vaadin.flow.component.Key.ENTER).listenOn(name);
        dialog.getFooter().add(cancel, create);
        dialog.open();
    }

    private void openImportDialog() {
        UI ui = UI.getCurrent();
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Import a template");
        Paragraph help = new Paragraph("Choose a JSON file exported from Cadence (at most " + uploadLimits.label() + "). It becomes a new draft template; "
                + "if anything in the file is wrong, nothing is imported and Cadence says what and where. "
                + "A runbook or plan kept in a spreadsheet comes in through “From Excel or CSV…”.");
        Paragraph problem = new Paragraph();
        Upload[] uploadRef = new Upload[1];
        problem.addClassName("import-problem");
        problem.setVisible(false);
        // Runs in the UI's lock already: the handler hands the file over through ui.access.
        Upload upload = new Upload(new BoundedUploadHandler(uploadLimits.maxFileBytes(), (metadata, bytes) -> {
            try {
                TemplateTransfer.Imported imported = transfer.importFile(bytes);
                UserMessages.showSuccess("“" + metadata.fileName() + "” was imported as a new draft template.");
                if (imported.scheduleWarnings().isEmpty()) {
                    dialog.close();
                    ui.navigate(TemplateView.class, String.valueOf(imported.templateId()));
                } else {
                    showImportedWithWarnings(dialog, imported);
                }
            } catch (RuntimeException e) {
                problem.setText(UserMessages.describe(e));
                problem.setVisible(true);
            }
            uploadRef[0].clearFileList();
        }, fileName -> {
            problem.setText("“" + fileName + "” was not accepted: it is larger than " + uploadLimits.label()
                    + ". Choose a Cadence template file (.json, at most " + uploadLimits.label() + ").");
            problem.setVisible(true);
            uploadRef[0].clearFileList();
        }));
        uploadRef[0] = upload;
        upload.setAcceptedFileTypes("application/json", ".json");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(uploadLimits.maxFileBytes());
        upload.addFileRejectedListener(e -> {
            problem.setText("“" + e.getFileName() + "” was not accepted: " + e.getErrorMessage()
                    + " Choose a Cadence template file (.json, at most " + uploadLimits.label() + ").");
            problem.setVisible(true);
        });
        dialog.add(help, upload, problem);
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }

    /**
     * The import succeeded but some steps overlap their predecessors: the dialog now lists them (not
     * a refusal, the overlap may be intended) and offers the designer, where they are corrected.
     */
    private void showImportedWithWarnings(Dialog dialog, TemplateTransfer.Imported imported) {
        dialog.setHeaderTitle("Imported: check the timings");
        dialog.removeAll();
        dialog.getFooter().removeAll();
        ScheduleWarningsList warnings = new ScheduleWarningsList();
        warnings.show(imported.scheduleWarnings(), "The template was imported as a new draft. These steps are planned to start before a "
                + "step they wait for finishes: correct them in the designer, or keep them if the overlap is intended.");
        warnings.setMaxWidth("40rem");
        dialog.add(warnings);
        Button design = new Button("Open in the designer", e -> {
            dialog.close();
            getUI().ifPresent(ui -> ui.navigate(TemplateDesignerView.class, imported.templateId()));
        });
        design.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Close", e -> dialog.close()), design);
    }

    private static @Nullable String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static Span statusBadge(TemplateRow row) {
        Span badge = new Span(row.status().label());
        badge.addClassNames("status-badge", row.status() == TemplateStatus.ACTIVE ? "status-active" : "status-closed");
        return badge;
    }
}
