package app.cadence.comms.ui;

import app.cadence.comms.domain.StakeholderCsv;
import app.cadence.comms.domain.StakeholderEngagement;
import app.cadence.comms.service.StakeholderDetails;
import app.cadence.comms.service.StakeholderImportException;
import app.cadence.comms.service.Stakeholders;
import app.cadence.project.ui.ProjectPageSection;
import app.cadence.shared.UploadLimits;
import app.cadence.shared.ui.BoundedUploadHandler;
import app.cadence.shared.ui.FileDownload;
import app.cadence.shared.ui.UserMessages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import org.jspecify.annotations.Nullable;

/**
 * The project's stakeholder register, on the Communications tab: a lazy grid sortable by name,
 * influence and interest, a filter, the influence/interest summary, and — for those who may edit
 * the project — add, edit, delete (confirmed) and CSV import; everyone may export.
 */
@org.springframework.stereotype.Component
class StakeholdersSection implements ProjectPageSection {

    private final Stakeholders stakeholders;
    private final UploadLimits uploadLimits;

    StakeholdersSection(Stakeholders stakeholders, UploadLimits uploadLimits) {
        this.stakeholders = stakeholders;
        this.uploadLimits = uploadLimits;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String tab() {
        return COMMUNICATIONS;
    }

    @Override
    public Component create(Long projectId, boolean canEdit) {
        return new Register(projectId, canEdit && stakeholders.mayEdit());
    }

    /** The section on one project's page. */
    final class Register extends Div {

        final TextField filter = new TextField();
        final Grid<StakeholderDetails> grid = new Grid<>();
        final Paragraph emptyState = new Paragraph();
        final Div summary = new Div();
        final @Nullable Button add;
        final @Nullable Button importButton;
        final Anchor export;
        private final Long projectId;
        private final boolean canEdit;
        private Stakeholders.@Nullable Summary lastSummary;

        Register(Long projectId, boolean canEdit) {
            this.projectId = projectId;
            this.canEdit = canEdit;
            addClassName("project-stakeholders");
            setWidthFull();

            HorizontalLayout heading = new HorizontalLayout(new H3("Stakeholders"));
            heading.setWidthFull();
            heading.setAlignItems(FlexComponent.Alignment.BASELINE);
            export = new Anchor(FileDownload.of(() -> {
                Stakeholders.CsvFile file = stakeholders.exportCsv(projectId);
                return new FileDownload.MadeFile(file.fileName(), Stakeholders.CsvFile.CONTENT_TYPE, file.bytes());
            }), AttachmentType.DOWNLOAD, "Export (CSV)");
            export.addClassName("export-stakeholders");
            if (canEdit) {
                add = new Button("Add a stakeholder", VaadinIcon.PLUS.create(), e -> new StakeholderDialog(stakeholders, projectId, null, this::refresh).open());
                add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                add.addClassName("add-stakeholder");
                importButton = new Button("Import (CSV)", VaadinIcon.UPLOAD.create(), e -> openImport());
                importButton.addClassName("import-stakeholders");
                heading.addToEnd(export, importButton, add);
            } else {
                add = null;
                importButton = null;
                heading.addToEnd(export);
            }

            filter.setPlaceholder("Filter by name, email, organisation or role");
            filter.setAriaLabel("Filter stakeholders");
            filter.setPrefixComponent(VaadinIcon.SEARCH.create());
            filter.setClearButtonVisible(true);
            filter.setValueChangeMode(ValueChangeMode.LAZY);
            filter.setWidth("24rem");
            filter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
            summary.addClassName("stakeholder-summary");

            grid.addColumn(StakeholderDetails::name).setHeader("Name").setKey("name").setSortable(true).setFlexGrow(2).setWidth("9rem");
            grid.addColumn(s -> orEmpty(s.role())).setHeader("Role").setKey("role").setSortable(true).setFlexGrow(2).setWidth("9rem");
            grid.addColumn(s -> orEmpty(s.organisation())).setHeader("Organisation").setKey("organisation").setSortable(true).setFlexGrow(1)
                    .setWidth("8rem");
            // An address has no spaces to wrap at: the column is the widest, and the full address is its tooltip.
            grid.addColumn(s -> orEmpty(s.email())).setHeader("Email").setKey("email").setSortable(true).setFlexGrow(3).setWidth("12rem")
                    .setTooltipGenerator(s -> orEmpty(s.email()));
            grid.addColumn(s -> s.influence().label()).setHeader("Influence").setKey("influence").setSortable(true).setAutoWidth(true).setFlexGrow(0);
            grid.addColumn(s -> s.interest().label()).setHeader("Interest").setKey("interest").setSortable(true).setAutoWidth(true).setFlexGrow(0);
            grid.addColumn(s -> s.engagement().label()).setHeader("Engagement").setKey("engagement").setAutoWidth(true).setFlexGrow(0);
            grid.addColumn(s -> s.channel().label()).setHeader("Channel").setKey("channel").setSortable(true).setAutoWidth(true).setFlexGrow(0);
            if (canEdit) {
                grid.addComponentColumn(this::actions).setHeader("").setKey("actions").setAutoWidth(true).setFlexGrow(0);
            }
            grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
            grid.setPageSize(50);
            grid.setItems(query -> stakeholders.list(projectId, filter.getValue(), VaadinSpringDataHelpers.toSpringDataSort(query),
                    query.getOffset(), query.getLimit()).stream(), query -> countAndDescribe());
            emptyState.addClassName("empty-state");
            grid.setEmptyStateComponent(emptyState);
            add(heading, summary, filter, grid);
            drawSummary();
        }

        private int countAndDescribe() {
            // Unfiltered, the summary drawn with the grid has the count already: one statement fewer on the project page.
            int count = Math.toIntExact(filter.isEmpty() && lastSummary != null ? lastSummary.total() : stakeholders.count(projectId, filter.getValue()));
            if (count == 0) {
                emptyState.setText(!filter.isEmpty() ? "No stakeholder matches “" + filter.getValue().strip() + "”. Clear the filter to see them all."
                        : canEdit ? "No stakeholders yet. Add the people who sponsor, decide on, use or supply this project — one at a time with "
                        + "“Add a stakeholder”, or all at once with “Import (CSV)” — then put them on distribution lists and in communications."
                        : "No stakeholders have been recorded for this project yet. Its project manager adds them here.");
            }
            return count;
        }

        void drawSummary() {
            Stakeholders.Summary s = stakeholders.summary(projectId);
            lastSummary = s;
            summary.removeAll();
            summary.setVisible(s.total() > 0);
            // A short register shows whole; a long one scrolls in a grid of its own, fetched page by page.
            boolean whole = s.total() <= 25;
            grid.setAllRowsVisible(whole);
            grid.setHeight(whole ? null : "32rem");
            for (StakeholderEngagement e : StakeholderEngagement.values()) {
                Span part = new Span(e.label() + ": " + s.count(e));
                part.addClassName("stakeholder-summary-" + e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
                part.getStyle().set("margin-inline-end", "var(--lumo-space-m)");
                summary.add(part);
            }
        }

        void refresh() {
            grid.getDataProvider().refreshAll();
            drawSummary();
        }

        private Component actions(StakeholderDetails s) {
            Button edit = new Button(VaadinIcon.EDIT.create(), e -> new StakeholderDialog(stakeholders, projectId, s, this::refresh).open());
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            edit.setAriaLabel("Edit " + s.name());
            edit.addClassName("edit-stakeholder");
            Button delete = new Button(VaadinIcon.TRASH.create(), e -> confirmDelete(s));
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
            delete.setAriaLabel("Delete " + s.name());
            delete.addClassName("delete-stakeholder");
            return new Span(edit, delete);
        }

        void confirmDelete(StakeholderDetails s) {
            ConfirmDialog confirm = new ConfirmDialog("Delete " + s.name() + "?",
                    s.name() + " leaves this project's register and every distribution list. Communications already sent keep their log.",
                    "Delete", e -> {
                        try {
                            stakeholders.delete(s.id(), s.version());
                            refresh();
                            UserMessages.showSuccess(s.name() + " was deleted.");
                        } catch (RuntimeException ex) {
                            UserMessages.showError(ex);
                        }
                    });
            confirm.setCancelable(true);
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        }

        void openImport() {
            Dialog dialog = new Dialog();
            dialog.addClassName("stakeholder-import-dialog");
            dialog.setHeaderTitle("Import stakeholders");
            Paragraph help = new Paragraph("Choose a CSV file (at most " + uploadLimits.label() + "). Its first row names the columns: "
                    + StakeholderCsv.headerLine(',').replace(",", ", ") + " — in any order and any case; only Name is required. "
                    + "Influence and interest are Low, Medium or High (Medium when empty); the channel is Email (when empty), Meeting, Chat, "
                    + "Phone or Status report. A row with the email of a stakeholder already here updates that stakeholder. "
                    + "If any row is wrong, nothing is imported and every problem is listed here.");
            Div problems = new Div();
            problems.addClassName("import-problems");
            problems.setVisible(false);
            Upload[] uploadRef = new Upload[1];
            Upload upload = new Upload(new BoundedUploadHandler(uploadLimits.maxFileBytes(), (metadata, bytes) -> {
                importFile(dialog, problems, bytes);
                uploadRef[0].clearFileList();
            }, fileName -> {
                showProblems(problems, "“" + fileName + "” was not accepted: it is larger than " + uploadLimits.label() + ".", java.util.List.of());
                uploadRef[0].clearFileList();
            }));
            uploadRef[0] = upload;
            upload.setAcceptedFileTypes("text/csv", ".csv");
            upload.setMaxFiles(1);
            upload.setMaxFileSize(uploadLimits.maxFileBytes());
            upload.addFileRejectedListener(e -> showProblems(problems, "“" + e.getFileName() + "” was not accepted: " + e.getErrorMessage(),
                    java.util.List.of()));
            dialog.add(help, upload, problems);
            dialog.setWidth("40rem");
            dialog.getFooter().add(new Button("Close", e -> dialog.close()));
            dialog.open();
        }

        /** The upload's file, imported or refused with its problems listed. */
        void importFile(Dialog dialog, Div problems, byte[] bytes) {
            try {
                Stakeholders.ImportResult result = stakeholders.importCsv(projectId, bytes);
                dialog.close();
                refresh();
                UserMessages.showSuccess("Imported: " + result.added() + " added, " + result.updated() + " updated.");
            } catch (StakeholderImportException ex) {
                showProblems(problems, ex.getMessage(), ex.problems());
            } catch (RuntimeException ex) {
                showProblems(problems, UserMessages.describe(ex), java.util.List.of());
            }
        }

        private void showProblems(Div problems, @Nullable String headline, java.util.List<String> lines) {
            problems.removeAll();
            problems.add(new Paragraph(headline == null ? "" : headline));
            if (!lines.isEmpty()) {
                UnorderedList list = new UnorderedList();
                lines.forEach(l -> list.add(new ListItem(l)));
                problems.add(list);
            }
            problems.setVisible(true);
        }
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
