package app.cadence.comms.ui;

import app.cadence.comms.service.Communications;
import app.cadence.comms.service.Communications.PreviewDate;
import app.cadence.comms.service.Communications.SeriesChange;
import app.cadence.comms.service.Communications.SeriesView;
import app.cadence.shared.ui.UserMessages;
import app.cadence.template.domain.Cadence;
import app.cadence.template.domain.EntryTiming;
import app.cadence.template.domain.MessageTemplate;
import app.cadence.template.ui.EntryTimingInput;
import app.cadence.template.ui.MessageTemplateInput;
import app.cadence.tenancy.service.MemberSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Objects;

/**
 * A PM's editor of one entry of the project's plan: owner, channel, cadence and timing, first
 * date, audience and message. "Preview dates" lists the dates the new timing gives, saying which a
 * day off moved; saving re-plans the future occurrences (past, drafted, sent and skipped ones stay).
 */
class SeriesEditor extends Dialog {

    private final transient Communications communications;
    private final SeriesView series;
    private final Runnable saved;
    final ComboBox<MemberSummary> owner = new ComboBox<>("Owner");
    final TextField channel = new TextField("Channel");
    final Select<Cadence> cadence = new Select<>();
    final DatePicker firstDate = new DatePicker("First date");
    final EntryTimingInput timing = new EntryTimingInput();
    final MessageTemplateInput message = new MessageTemplateInput();
    final Checkbox sendsStatusReport = new Checkbox("Sends the project's latest status report");
    final Div previewDates = new Div();
    final AudiencePicker audience;

    SeriesEditor(Communications communications, SeriesView series, AudiencePicker audience, Runnable saved) {
        this.communications = communications;
        this.series = series;
        this.saved = saved;
        this.audience = audience;
        audience.setValue(series.audience());
        audience.setHelperText(series.audienceNote() == null ? "Distribution lists and the project's stakeholders"
                : "The template says: " + series.audienceNote());
        setHeaderTitle("Edit “" + series.title() + "”");
        setWidth("min(95vw, 48rem)");
        addClassName("series-editor");
        List<MemberSummary> people = communications.possibleOwners();
        owner.setItems(people);
        owner.setItemLabelGenerator(MemberSummary::displayName);
        owner.setValue(people.stream().filter(m -> m.userId().equals(series.ownerId())).findFirst().orElse(null));
        owner.setHelperText("Gets the reminders and the occurrences still to come");
        channel.setValue(series.channel() == null ? "" : series.channel());
        channel.setMaxLength(120);
        channel.setHelperText("Email: Cadence sends it. Anything else (Meeting, Teams): the owner records it as held.");
        cadence.setLabel("Cadence");
        cadence.setItems(Cadence.values());
        cadence.setItemLabelGenerator(Cadence::label);
        cadence.setValue(series.cadence());
        cadence.addValueChangeListener(e -> timing.setCadence(e.getValue()));
        firstDate.setValue(series.firstDate());
        firstDate.setHelperText("Plan " + series.planStart() + " to " + series.planEnd());
        timing.setCadence(series.cadence());
        timing.setValue(series.timing());
        message.setValue(series.message());
        sendsStatusReport.setValue(series.sendsStatusReport());
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        form.add(owner, channel, cadence, firstDate);
        form.add(timing, 2);
        form.add(audience, 2);
        form.add(message, 2);
        form.add(sendsStatusReport, 2);
        Button preview = new Button("Preview dates", e -> previewDates());
        preview.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        previewDates.addClassName("preview-dates");
        add(form, preview, previewDates);
        Button save = new Button("Save and re-plan", e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, save);
    }

    private void previewDates() {
        previewDates.removeAll();
        try {
            EntryTiming entered = timing.value();
            List<PreviewDate> dates = communications.preview(series.id(), cadence.getValue(), entered,
                    Objects.requireNonNull(firstDate.getValue(), "Choose the first date."));
            long moved = dates.stream().filter(PreviewDate::moved).count();
            previewDates.add(new Paragraph(dates.size() + (dates.size() == 1 ? " date" : " dates") + (moved == 0 ? ", none moved by a day off."
                    : ", " + moved + " moved by a day off:")));
            dates.stream().limit(60).forEach(d -> {
                Span line = new Span(CommunicationsSection.DAY.format(d.day()) + " " + d.day().getYear()
                        + (d.moved() ? " — moved from " + CommunicationsSection.DAY.format(d.scheduledFor()) + " (a day off)" : ""));
                if (d.moved()) {
                    line.addClassName("date-moved");
                }
                previewDates.add(new Div(line));
            });
            if (dates.size() > 60) {
                previewDates.add(new Paragraph("… and " + (dates.size() - 60) + " more."));
            }
        } catch (RuntimeException e) {
            previewDates.add(new Paragraph(e.getMessage()));
        }
    }

    private void save() {
        try {
            if (firstDate.getValue() == null) {
                throw new IllegalArgumentException("Choose the first date.");
            }
            MessageTemplate entered = message.value().orElse(null);
            int replanned = communications.changeSeries(series.id(), series.version(), new SeriesChange(
                    owner.getValue() == null ? null : owner.getValue().userId(), channel.getValue(), cadence.getValue(), timing.value(),
                    firstDate.getValue(), audience.getValue(), entered, sendsStatusReport.getValue()));
            UserMessages.showSuccess("Saved. " + replanned + (replanned == 1 ? " occurrence" : " occurrences") + " planned anew.");
            close();
            saved.run();
        } catch (RuntimeException e) {
            UserMessages.showError(e);
        }
    }
}
