package app.cadence.template.ui;

import app.cadence.shared.UploadLimits;
import app.cadence.shared.ui.BoundedUploadHandler;
import app.cadence.shared.ui.UserMessages;
import app.cadence.template.domain.CommunicationEntry;
import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.RelativeTime;
import app.cadence.template.domain.RetroPrompt;
import app.cadence.template.domain.SpreadsheetField;
import app.cadence.template.domain.Template;
import app.cadence.template.domain.TemplateItem;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.domain.TemplateSection;
import app.cadence.template.service.SpreadsheetImport;
import app.cadence.template.service.SpreadsheetImport.Preview;
import app.cadence.template.service.SpreadsheetTable;
import app.cadence.template.service.TemplateTransfer;
import app.cadence.tenancy.domain.RoleSets;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Import of a runbook, communication plan or retrospective kept in Excel or as CSV: the user
 * uploads the file, names the template and says what it is; each column is mapped to a field
 * (from its header, changeable), and the preview shows the template the rows make or every
 * problem by row and column. Import is possible only when there is none.
 */
@Route("templates/import-spreadsheet")
@PageTitle("Import from Excel or CSV · Cadence")
@RolesAllowed(RoleSets.PORTFOLIO_OFFICE)
public class SpreadsheetImportView extends VerticalLayout {

    /** Problems listed on screen; the count says how many more. */
    static final int PROBLEMS_SHOWN = 50;

    private final SpreadsheetImport spreadsheets;
    private final UploadLimits uploadLimits;
    private final Select<TemplateKind> kind = new Select<>();
    private final TextField name = new TextField("Template name");
    private final Paragraph fileProblem = new Paragraph();
    private final Div columnsStep = new Div();
    private final FormLayout columns = new FormLayout();
    private final List<Select<SpreadsheetField>> mappings = new ArrayList<>();
    private final DateTimePicker t0 = new DateTimePicker("T0 (when Start holds dates and times)");
    private final Paragraph summary = new Paragraph();
    private final Paragraph fileSummary = new Paragraph();
    private final UnorderedList problems = new UnorderedList();
    private final ScheduleWarningsList warnings = new ScheduleWarningsList();
    private final Grid<PreviewRow> preview = new Grid<>(PreviewRow.class, false);
    private final Button importButton = new Button("Import", VaadinIcon.UPLOAD.create());
    private @Nullable SpreadsheetTable table;
    /** The spreadsheet row of each previewed item: what the "Waits for" column names. */
    private Map<UUID, Integer> rowOfItem = Map.of();

    /** One item as the preview lists it: the spreadsheet row it came from and its section. */
    record PreviewRow(int row, String section, TemplateItem item) {
    }

    SpreadsheetImportView(SpreadsheetImport spreadsheets, UploadLimits uploadLimits) {
        this.spreadsheets = spreadsheets;
        this.uploadLimits = uploadLimits;
        addClassName("spreadsheet-import");
        setMaxWidth("80rem");

        Paragraph help = new Paragraph("One row per item, the first row naming the columns; an Excel workbook's first sheet is read (at most "
                + uploadLimits.label() + " and " + String.format(Locale.ENGLISH, "%,d", app.cadence.template.domain.TemplateContent.MAX_ITEMS)
                + " rows). The file becomes a new draft template; if anything in it is wrong, nothing is imported and Cadence says which "
                + "row and column to correct.");
        kind.setLabel("The file holds a");
        kind.setId("import-kind");
        kind.setItems(TemplateKind.CUTOVER, TemplateKind.COMMUNICATION_PLAN, TemplateKind.RETROSPECTIVE);
        kind.setItemLabelGenerator(TemplateKind::label);
        kind.setValue(TemplateKind.CUTOVER);
        kind.addValueChangeListener(e -> {
            if (table != null) {
                showColumns(spreadsheets.autoMap(e.getValue(), table));
            }
        });
        name.setId("import-name");
        name.setMaxLength(Template.NAME_MAX);
        name.setRequiredIndicatorVisible(true);
        name.addValueChangeListener(e -> refreshPreview());
        fileProblem.addClassName("import-problem");
        fileProblem.setVisible(false);
        FormLayout what = new FormLayout(kind, name);

        Upload upload = upload();
        RouterLink back = new RouterLink("Back to the templates", TemplatesView.class);

        columns.addClassName("column-mappings");
        columns.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2),
                new FormLayout.ResponsiveStep("50em", 3), new FormLayout.ResponsiveStep("70em", 4));
        t0.setId("import-t0");
        t0.setHelperText("Starts given as dates and times are counted from this moment, e.g. 2026-06-01 18:00 is T−2h for a T0 at 20:00.");
        t0.addValueChangeListener(e -> refreshPreview());
        problems.setId("import-problems");
        problems.addClassName("import-problems");
        summary.getElement().setAttribute("aria-live", "polite"); // a screen reader hears the verdict after each change of mapping
        preview.setId("import-preview");
        preview.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        preview.setMaxHeight("32rem");
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importButton.addClickListener(e -> importRows());
        Paragraph mappingHelp = new Paragraph("Each column's field was chosen from its header. Change any that is wrong; "
                + "columns set to “Ignore” are left out.");
        fileSummary.addClassName("import-file-summary");
        columnsStep.add(new H3("Columns"), fileSummary, mappingHelp, columns, t0, new H3("Preview"), summary, problems, warnings, preview,
                new HorizontalLayout(importButton));
        columnsStep.setVisible(false);
        columnsStep.setWidthFull();

        add(new H2("Import from Excel or CSV"), help, what, upload, fileProblem, columnsStep, back);
    }

    private Upload upload() {
        Upload[] uploadRef = new Upload[1];
        Upload upload = new Upload(new BoundedUploadHandler(uploadLimits.maxFileBytes(), (metadata, bytes) -> {
            fileProblem.setVisible(false);
            try {
                table = spreadsheets.read(metadata.fileName(), bytes);
                if (name.isEmpty()) {
                    String base = metadata.fileName().replaceFirst("\\.[^.]*$", "").strip();
                    name.setValue(base.substring(0, Math.min(base.length(), Template.NAME_MAX)));
                }
                fileSummary.setText("Read “" + metadata.fileName() + "”: " + count(table.rows().size(), "row") + " under a header of "
                        + count(table.headers().size(), "column") + ". To read another file, upload it above.");
                showColumns(spreadsheets.autoMap(kind.getValue(), table));
            } catch (RuntimeException e) {
                table = null;
                columnsStep.setVisible(false);
                fileProblem.setText(UserMessages.describe(e));
                fileProblem.setVisible(true);
            }
            uploadRef[0].clearFileList();
        }, fileName -> {
            fileProblem.setText("“" + fileName + "” was not accepted: it is larger than " + uploadLimits.label()
                    + ". Choose an Excel workbook (.xlsx) or a CSV file of at most " + uploadLimits.label() + ".");
            fileProblem.setVisible(true);
            uploadRef[0].clearFileList();
        }));
        uploadRef[0] = upload;
        upload.setId("import-file");
        upload.setAcceptedFileTypes(".xlsx", ".csv", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(uploadLimits.maxFileBytes());
        upload.addFileRejectedListener(e -> {
            fileProblem.setText("“" + e.getFileName() + "” was not accepted: " + e.getErrorMessage()
                    + " Choose an Excel workbook (.xlsx) or a CSV file of at most " + uploadLimits.label() + ".");
            fileProblem.setVisible(true);
        });
        return upload;
    }

    /** One select per column, set to the field the header suggests; the preview follows every change. */
    private void showColumns(List<@Nullable SpreadsheetField> mapping) {
        SpreadsheetTable rows = java.util.Objects.requireNonNull(table);
        TemplateKind current = kind.getValue();
        columns.removeAll();
        mappings.clear();
        for (int column = 0; column < rows.headers().size(); column++) {
            Select<SpreadsheetField> select = new Select<>();
            select.setLabel(SpreadsheetTable.letter(column) + " · " + rows.columnName(column));
            select.addClassName("column-mapping");
            select.setEmptySelectionAllowed(true);
            select.setEmptySelectionCaption("Ignore");
            select.setItems(SpreadsheetField.of(current));
            select.setItemLabelGenerator(f -> f == null ? "Ignore" : f.header());
            select.setValue(mapping.get(column));
            select.addValueChangeListener(e -> refreshPreview());
            mappings.add(select);
            columns.add(select);
        }
        t0.setVisible(current == TemplateKind.CUTOVER);
        configurePreviewColumns(current);
        columnsStep.setVisible(true);
        refreshPreview();
    }

    private SpreadsheetImport.Request request() {
        List<@Nullable SpreadsheetField> mapping = mappings.stream().map(Select::getValue).collect(Collectors.toCollection(ArrayList::new));
        return new SpreadsheetImport.Request(kind.getValue(), name.getValue(), java.util.Objects.requireNonNull(table), mapping,
                kind.getValue() == TemplateKind.CUTOVER ? t0.getValue() : null);
    }

    private void refreshPreview() {
        if (table == null || mappings.size() != table.headers().size()) {
            return;
        }
        Preview result = spreadsheets.preview(request());
        problems.removeAll();
        result.problems().stream().limit(PROBLEMS_SHOWN).forEach(p -> problems.add(new ListItem(p)));
        if (result.problems().size() > PROBLEMS_SHOWN) {
            problems.add(new ListItem(String.format(Locale.ENGLISH, "… and %,d more.", result.problems().size() - PROBLEMS_SHOWN)));
        }
        problems.setVisible(!result.importable());
        preview.setVisible(result.importable());
        importButton.setEnabled(result.importable());
        if (result.importable()) {
            List<PreviewRow> rows = new ArrayList<>();
            for (TemplateSection section : result.content().sections()) {
                section.items().forEach(i -> rows.add(new PreviewRow(result.rowOfItem().get(i.key()), sectionLabel(section), i)));
            }
            preview.setItems(rows);
            // A short file shows whole; a long one scrolls within the grid (virtualised, 2,000 rows draw fast).
            preview.setAllRowsVisible(rows.size() <= 15);
            preview.setHeight(rows.size() <= 15 ? null : "32rem");
            rowOfItem = result.rowOfItem();
            summary.setText(count(result.content().itemCount(), "item") + " in " + count(result.content().sections().size(), "section")
                    + ", ready to import as a new draft.");
        } else {
            summary.setText(count(result.problems().size(), "problem") + " to correct before anything can be imported"
                    + (result.problems().size() == 1 ? ":" : " — correct the file, or the mapping above:"));
        }
        warnings.show(result.scheduleWarnings(), "These steps are planned to start before a step they wait for finishes. They do not stop "
                + "the import: correct them in the designer afterwards, or keep them if the overlap is intended.");
    }

    private void configurePreviewColumns(TemplateKind current) {
        preview.removeAllColumns();
        preview.addColumn(PreviewRow::row).setHeader("Row").setAutoWidth(true).setFlexGrow(0);
        preview.addColumn(PreviewRow::section).setHeader("Section").setFlexGrow(2);
        preview.addColumn(r -> r.item().title()).setHeader("Title").setFlexGrow(4);
        switch (current) {
            case CUTOVER -> {
                preview.addColumn(r -> step(r).type().label()).setHeader("Type").setAutoWidth(true);
                preview.addColumn(r -> RelativeTime.clock(step(r).offsetMinutes())).setHeader("Start").setAutoWidth(true);
                preview.addColumn(r -> RelativeTime.formatDuration(step(r).durationMinutes())).setHeader("Duration").setAutoWidth(true);
                preview.addColumn(r -> text(step(r).ownerRole())).setHeader("Owner role").setAutoWidth(true);
                preview.addColumn(r -> step(r).predecessors().stream().map(k -> "row " + rowOfItem.get(k)).collect(Collectors.joining(", ")))
                        .setHeader("Waits for").setAutoWidth(true);
                preview.addColumn(r -> step(r).evidenceRequired() ? "Yes" : "").setHeader("Evidence").setAutoWidth(true);
            }
            case COMMUNICATION_PLAN -> {
                preview.addColumn(r -> entry(r).audience()).setHeader("Audience").setAutoWidth(true);
                preview.addColumn(r -> text(entry(r).channel())).setHeader("Channel").setAutoWidth(true);
                preview.addColumn(r -> entry(r).cadence().label()).setHeader("Cadence").setAutoWidth(true);
                preview.addColumn(r -> entry(r).anchor().label() + (entry(r).offsetDays() == 0 ? ""
                        : String.format(Locale.ENGLISH, " %+d d", entry(r).offsetDays()))).setHeader("When").setAutoWidth(true);
            }
            case RETROSPECTIVE -> {
                preview.addColumn(r -> text(((RetroPrompt) r.item()).prompt())).setHeader("Prompt").setFlexGrow(3);
                preview.addColumn(r -> ((RetroPrompt) r.item()).rating() ? "Rating 1–5" : "Board column").setHeader("Kind").setAutoWidth(true);
            }
        }
    }

    private void importRows() {
        try {
            TemplateTransfer.Imported imported = spreadsheets.importRows(request());
            UserMessages.showSuccess("“" + name.getValue().strip() + "” was imported as a new draft template.");
            getUI().ifPresent(ui -> ui.navigate(TemplateView.class, String.valueOf(imported.templateId())));
        } catch (RuntimeException e) {
            // E.g. the name was taken meanwhile: the preview says so again.
            fileProblem.setText(UserMessages.describe(e));
            fileProblem.setVisible(true);
            refreshPreview();
        }
    }

    private static String sectionLabel(TemplateSection section) {
        return section.role() == null || section.role().label().equals(section.title()) ? section.title()
                : section.title() + " · " + section.role().label();
    }

    private static CutoverStep step(PreviewRow row) {
        return (CutoverStep) row.item();
    }

    private static CommunicationEntry entry(PreviewRow row) {
        return (CommunicationEntry) row.item();
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static String count(int n, String noun) {
        return String.format(Locale.ENGLISH, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }
}
