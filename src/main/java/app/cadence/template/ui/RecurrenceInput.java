package app.cadence.template.ui;

import app.cadence.template.domain.StepRecurrence;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How a hypercare check recurs: once (no value), every N hours or daily at a time, for M days.
 * The designer shows it for the steps of a hypercare section only; {@link #problem()} says what
 * is missing before the step is handed back, and the content's own rules check the ranges again.
 */
class RecurrenceInput extends CustomField<@Nullable StepRecurrence> {

    enum Mode {
        ONCE("Once"), EVERY_HOURS("Every N hours"), DAILY_AT("Daily at a time");

        final String label;

        Mode(String label) {
            this.label = label;
        }
    }

    private final Select<Mode> mode = new Select<>();
    private final IntegerField hours = new IntegerField("Every (hours)");
    private final TimePicker time = new TimePicker("At");
    private final IntegerField days = new IntegerField("For (days)");

    RecurrenceInput() {
        setLabel("Recurs after go-live");
        setHelperText("A hypercare check the run repeats, each occurrence ticked on its own");
        mode.setItems(Mode.values());
        mode.setItemLabelGenerator(m -> m.label);
        mode.setValue(Mode.ONCE);
        mode.setAriaLabel("Recurs");
        hours.setMin(1);
        hours.setMax(StepRecurrence.MAX_HOURS);
        hours.setStepButtonsVisible(true);
        hours.setValue(4);
        time.setLocale(Locale.UK);
        time.setStep(Duration.ofMinutes(15));
        time.setValue(LocalTime.of(9, 0));
        days.setMin(1);
        days.setMax(StepRecurrence.MAX_DAYS);
        days.setStepButtonsVisible(true);
        days.setValue(14);
        mode.addValueChangeListener(e -> showFields());
        FlexLayout row = new FlexLayout(mode, hours, time, days);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.getStyle().set("gap", "var(--lumo-space-s)");
        add(row);
        showFields();
    }

    private void showFields() {
        Mode m = mode.getValue();
        hours.setVisible(m == Mode.EVERY_HOURS);
        time.setVisible(m == Mode.DAILY_AT);
        days.setVisible(m != Mode.ONCE);
    }

    /** What the person still has to fill in, as a sentence; empty when the value is complete. */
    Optional<String> problem() {
        Mode m = mode.getValue();
        if (m == Mode.ONCE) {
            return Optional.empty();
        }
        if (m == Mode.EVERY_HOURS && (hours.getValue() == null || hours.getValue() < 1 || hours.getValue() > StepRecurrence.MAX_HOURS)) {
            return Optional.of("Enter how often the check recurs: every 1 to " + StepRecurrence.MAX_HOURS + " hours.");
        }
        if (m == Mode.DAILY_AT && time.getValue() == null) {
            return Optional.of("Enter the time of day of the check, e.g. 09:00.");
        }
        if (days.getValue() == null || days.getValue() < 1 || days.getValue() > StepRecurrence.MAX_DAYS) {
            return Optional.of("Enter for how many days the check recurs: 1 to " + StepRecurrence.MAX_DAYS + ".");
        }
        return Optional.empty();
    }

    /**
     * What the sub-fields hold now. The field's own value follows them only on the browser's change
     * events, so the dialog reads this when it saves.
     */
    @Nullable StepRecurrence entered() {
        return generateModelValue();
    }

    @Override
    protected @Nullable StepRecurrence generateModelValue() {
        if (problem().isPresent()) {
            return null;
        }
        return switch (mode.getValue()) {
            case ONCE -> null;
            case EVERY_HOURS -> new StepRecurrence.EveryHours(hours.getValue(), days.getValue());
            case DAILY_AT -> new StepRecurrence.DailyAt(time.getValue(), days.getValue());
        };
    }

    @Override
    protected void setPresentationValue(@Nullable StepRecurrence value) {
        switch (value) {
            case null -> mode.setValue(Mode.ONCE);
            case StepRecurrence.EveryHours every -> {
                mode.setValue(Mode.EVERY_HOURS);
                hours.setValue(every.hours());
                days.setValue(every.days());
            }
            case StepRecurrence.DailyAt daily -> {
                mode.setValue(Mode.DAILY_AT);
                time.setValue(daily.time());
                days.setValue(daily.days());
            }
        }
        showFields();
    }

    /** The sub-fields, for tests that fill them in as a person would. */
    Select<Mode> mode() {
        return mode;
    }

    IntegerField hours() {
        return hours;
    }

    TimePicker time() {
        return time;
    }

    IntegerField days() {
        return days;
    }
}
