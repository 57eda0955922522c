package app.cadence.comms.ui;

import app.cadence.comms.domain.HolidayFile;
import app.cadence.comms.service.WorkingCalendars;
import app.cadence.comms.service.WorkingCalendars.HolidayView;
import app.cadence.comms.service.WorkingCalendars.ImportPreview;
import app.cadence.shared.UploadLimits;
import app.cadence.shared.ui.BoundedUploadHandler;
import app.cadence.shared.ui.UserMessages;
import app.cadence.tenancy.domain.RoleSets;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * The organisation's working calendar for ADMIN and PMO: the working weekdays, and the holidays,
 * added one by one or imported from an iCalendar (.ics) file — previewed first, refused whole with
 * the line named when the file is bad. Every change re-plans the communications still to come.
 */
@Route("admin/calendar")
@PageTitle("Working calendar · Cadence")
@Menu(order = 7.5, icon = "vaadin:calendar", title = "Working calendar")
@RolesAllowed(RoleSets.PORTFOLIO_OFFICE)
public class CalendarView extends VerticalLayout {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);

    private final transient WorkingCalendars calendars;
    final CheckboxGroup<DayOfWeek> workingDays = new CheckboxGroup<>("Working days");
    final Button saveDays = new Button("Save working days");
    final Grid<HolidayView> holidays = new Grid<>();
    final DatePicker day = new DatePicker("Holiday");
    final TextField name = new TextField("Name");
    final Button add = new Button("Add holiday");
    final Paragraph importProblem = new Paragraph();
    private long version;

    public CalendarView(WorkingCalendars calendars, UploadLimits limits) {
        this.calendars = calendars;
        addClassName("calendar-view");
        Paragraph help = new Paragraph("Communications that fall on a day off move to the working day before or after, as each plan entry says. "
                + "Cutover runbooks ignore this calendar: go-lives run at weekends on purpose.");
        help.addClassName("hint");
        workingDays.setItems(DayOfWeek.values());
        workingDays.setItemLabelGenerator(d -> d.getDisplayName(TextStyle.FULL, Locale.UK));
        saveDays.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveDays.addClickListener(e -> saveDays());
        holidays.addClassName("holidays");
        holidays.addColumn(h -> DAY.format(h.day())).setHeader("Day").setComparator(HolidayView::day).setSortable(true);
        holidays.addColumn(HolidayView::name).setHeader("Name").setSortable(true).setFlexGrow(2);
        holidays.addComponentColumn(h -> {
            Button remove = new Button("Remove", e -> confirmRemove(h));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
            remove.getElement().setAttribute("aria-label", "Remove " + h.name());
            return remove;
        }).setHeader("").setAutoWidth(true).setFlexGrow(0);
        holidays.setEmptyStateText("No holidays yet: add them here or import your country's public holidays from an .ics file.");
        name.setMaxLength(200);
        name.setPlaceholder("Christmas Day");
        add.addClickListener(e -> addHoliday());
        add.addClickShortcut(com.vaadin.flow.component.Key.ENTER).listenOn(name);
        importProblem.addClassName("import-problem");
        importProblem.setVisible(false);
        Upload[] uploadRef = new Upload[1];
        Upload upload = new Upload(new BoundedUploadHandler(limits.maxFileBytes(), (metadata, bytes) -> {
            previewImport(new String(bytes, StandardCharsets.UTF_8));
            uploadRef[0].clearFileList();
        }, fileName -> {
            importProblem.setText("“" + fileName + "” is larger than " + limits.label() + ".");
            importProblem.setVisible(true);
            uploadRef[0].clearFileList();
        }));
        uploadRef[0] = upload;
        upload.setAcceptedFileTypes("text/calendar", ".ics");
        upload.setMaxFiles(1);
        upload.setUploadButton(new Button("Import holidays (.ics)…"));
        HorizontalLayout addRow = new HorizontalLayout(day, name, add);
        addRow.setAlignItems(Alignment.BASELINE);
        add(help, workingDays, saveDays, new H3("Holidays"), addRow, upload, importProblem, holidays);
        show();
    }

    void show() {
        WorkingCalendars.CalendarView view = calendars.view();
        version = view.version();
        workingDays.setValue(view.workingDays());
        holidays.setItems(view.holidays());
    }

    void saveDays() {
        try {
            int moved = calendars.setWorkingDays(workingDays.getValue(), version);
            UserMessages.showSuccess("Working days saved; " + moved + " communications planned anew.");
        } catch (RuntimeException e) {
            UserMessages.showError(e);
        }
        show();
    }

    void addHoliday() {
        if (day.getValue() == null) {
            day.setErrorMessage("Choose the day.");
            day.setInvalid(true);
            return;
        }
        try {
            calendars.addHoliday(day.getValue(), name.getValue());
            UserMessages.showSuccess(DAY.format(day.getValue()) + " is a holiday.");
            day.clear();
            name.clear();
            day.setInvalid(false);
        } catch (RuntimeException e) {
            UserMessages.showError(e);
        }
        show();
    }

    private void confirmRemove(HolidayView holiday) {
        ConfirmDialog confirm = new ConfirmDialog("Remove " + holiday.name() + "?",
                DAY.format(holiday.day()) + " becomes a working day again (if it is a working weekday); communications moved off it move back.",
                "Remove", e -> {
            try {
                calendars.removeHoliday(holiday.id());
            } catch (RuntimeException ex) {
                UserMessages.showError(ex);
            }
            show();
        });
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    void previewImport(String content) {
        importProblem.setVisible(false);
        try {
            ImportPreview preview = calendars.previewImport(content);
            if (preview.added().isEmpty()) {
                UserMessages.showSuccess("Every holiday in the file is already there (" + preview.alreadyThere().size() + ").");
                return;
            }
            ConfirmDialog confirm = new ConfirmDialog();
            confirm.setHeader("Import " + preview.added().size() + (preview.added().size() == 1 ? " holiday?" : " holidays?"));
            VerticalLayout list = new VerticalLayout();
            list.setPadding(false);
            preview.added().stream().limit(40).forEach(h -> list.add(new Paragraph(DAY.format(h.day()) + " — " + h.name())));
            if (preview.added().size() > 40) {
                list.add(new Paragraph("… and " + (preview.added().size() - 40) + " more."));
            }
            if (!preview.alreadyThere().isEmpty()) {
                list.add(new Paragraph(preview.alreadyThere().size() + " already there are left as they are."));
            }
            confirm.add(list);
            confirm.setCancelable(true);
            confirm.setConfirmText("Import");
            confirm.addConfirmListener(e -> {
                try {
                    int added = calendars.importHolidays(content);
                    UserMessages.showSuccess(added + " holidays imported.");
                } catch (RuntimeException ex) {
                    UserMessages.showError(ex);
                }
                show();
            });
            confirm.open();
        } catch (HolidayFile.HolidayFileException e) {
            importProblem.setText("Nothing was imported. " + e.getMessage());
            importProblem.setVisible(true);
        } catch (RuntimeException e) {
            importProblem.setText("Nothing was imported. " + UserMessages.describe(e));
            importProblem.setVisible(true);
        }
    }
}
