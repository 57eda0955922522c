package app.cadence.template.ui;

import app.cadence.template.domain.Cadence;
import app.cadence.template.domain.EntryTiming;
import app.cadence.template.domain.NonWorkingDayRule;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * The fields of an {@link EntryTiming}, showing only those that matter for the chosen cadence:
 * weekdays and every n weeks for a weekly entry, the day or the n-th weekday for a monthly or
 * quarterly one, the offsets for a milestone one. Used by the template designer and by a
 * project's communication plan.
 */
@NamedInterface("ui")
public class EntryTimingInput extends FormLayout {

    /** How a monthly entry picks its day: by date, or the n-th weekday (0 = by date). */
    private record MonthMode(int ordinal, String label) {
    }

    private static final List<MonthMode> MONTH_MODES = List.of(new MonthMode(0, "On a day of the month"), new MonthMode(1, "On the first …"),
            new MonthMode(2, "On the second …"), new MonthMode(3, "On the third …"), new MonthMode(4, "On the fourth …"),
            new MonthMode(-1, "On the last …"));

    private final TimePicker at = new TimePicker("Time");
    private final CheckboxGroup<DayOfWeek> weekdays = new CheckboxGroup<>("Weekdays");
    private final IntegerField every = new IntegerField("Every");
    private final Select<MonthMode> monthMode = new Select<>();
    private final IntegerField dayOfMonth = new IntegerField("Day of the month");
    private final Select<DayOfWeek> monthWeekday = new Select<>();
    private final TextField offsets = new TextField("Days around the milestone");
    private final Select<NonWorkingDayRule> onDayOff = new Select<>();
    private Cadence cadence = Cadence.WEEKLY;

    public EntryTimingInput() {
        addClassName("entry-timing");
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("30em", 2));
        at.setStep(Duration.ofMinutes(15));
        at.setRequiredIndicatorVisible(true);
        at.setHelperText("In the organisation's time zone");
        weekdays.setItems(DayOfWeek.values());
        weekdays.setItemLabelGenerator(d -> d.getDisplayName(TextStyle.SHORT, Locale.UK));
        weekdays.setHelperText("None chosen: the weekday of the first date");
        every.setMin(1);
        every.setMax(52);
        every.setStepButtonsVisible(true);
        monthMode.setLabel("Which day");
        monthMode.setItems(MONTH_MODES);
        monthMode.setItemLabelGenerator(MonthMode::label);
        dayOfMonth.setMin(0);
        dayOfMonth.setMax(31);
        dayOfMonth.setHelperText("31: the month's last day in a shorter month; empty: the first date's day");
        monthWeekday.setLabel("Weekday");
        monthWeekday.setItems(DayOfWeek.values());
        monthWeekday.setItemLabelGenerator(d -> d.getDisplayName(TextStyle.FULL, Locale.UK));
        offsets.setPlaceholder("-10, +1");
        offsets.setHelperText("Days before (−) and after (+) the anchor date, separated by commas");
        onDayOff.setLabel("On a day off");
        onDayOff.setItems(NonWorkingDayRule.values());
        onDayOff.setItemLabelGenerator(NonWorkingDayRule::label);
        onDayOff.setHelperText("Weekends and the organisation's holidays (Calendar)");
        monthMode.addValueChangeListener(e -> showParts());
        add(at, onDayOff);
        add(weekdays, 2);
        add(every, monthMode, dayOfMonth, monthWeekday);
        add(offsets, 2);
        setValue(EntryTiming.DEFAULT);
    }

    /** Shows the fields the cadence uses. */
    public void setCadence(Cadence newCadence) {
        this.cadence = newCadence;
        every.setLabel(switch (newCadence) {
            case MONTHLY -> "Every (months)";
            case QUARTERLY -> "Every (quarters)";
            default -> "Every (weeks)";
        });
        showParts();
    }

    private void showParts() {
        boolean weekly = cadence == Cadence.WEEKLY;
        boolean monthly = cadence == Cadence.MONTHLY || cadence == Cadence.QUARTERLY;
        weekdays.setVisible(weekly || cadence == Cadence.BIWEEKLY);
        every.setVisible(weekly || monthly);
        monthMode.setVisible(monthly);
        boolean byWeekday = monthly && monthMode.getValue() != null && monthMode.getValue().ordinal() != 0;
        dayOfMonth.setVisible(monthly && !byWeekday);
        monthWeekday.setVisible(byWeekday);
        offsets.setVisible(cadence == Cadence.AT_MILESTONE);
        onDayOff.setVisible(cadence != Cadence.DAILY);
    }

    public void setValue(EntryTiming timing) {
        at.setValue(timing.at());
        weekdays.setValue(timing.weekdays());
        every.setValue(timing.every());
        monthMode.setValue(MONTH_MODES.stream().filter(m -> m.ordinal() == timing.weekdayOrdinal()).findFirst().orElse(MONTH_MODES.getFirst()));
        dayOfMonth.setValue(timing.dayOfMonth() == 0 ? null : timing.dayOfMonth());
        monthWeekday.setValue(timing.monthWeekday());
        offsets.setValue(String.join(", ", timing.milestoneOffsets().stream().map(o -> (o > 0 ? "+" : "") + o).toList()));
        onDayOff.setValue(timing.onDayOff());
        showParts();
    }

    /** What is wrong with the fields, in words for the person, or nothing. */
    public Optional<String> problem() {
        try {
            value();
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The timing entered; fields hidden for the cadence keep their defaults. Throws IllegalArgumentException with a message for people. */
    public EntryTiming value() {
        if (at.getValue() == null || at.isInvalid()) {
            throw new IllegalArgumentException("Enter the time of day, e.g. 15:00.");
        }
        boolean weekly = weekdays.isVisible();
        boolean monthly = monthMode.isVisible();
        Integer n = every.getValue();
        if (every.isVisible() && (n == null || n < 1 || n > (monthly ? 12 : 52))) {
            throw new IllegalArgumentException(monthly ? "Every 1 to 12 months or quarters." : "Every 1 to 52 weeks.");
        }
        int ordinal = monthly && monthMode.getValue() != null ? monthMode.getValue().ordinal() : 0;
        Integer day = dayOfMonth.getValue();
        if (monthly && ordinal == 0 && day != null && (day < 1 || day > 31)) {
            throw new IllegalArgumentException("A day of the month is 1 to 31.");
        }
        if (ordinal != 0 && monthWeekday.getValue() == null) {
            throw new IllegalArgumentException("Choose the weekday of the month.");
        }
        return new EntryTiming(at.getValue(), weekly ? EnumSet.copyOf(withDefault(weekdays.getValue())) : EnumSet.noneOf(DayOfWeek.class),
                every.isVisible() ? n : 1, monthly && ordinal == 0 && day != null ? day : 0, ordinal,
                ordinal != 0 ? monthWeekday.getValue() : null, offsets.isVisible() ? parseOffsets(offsets.getValue()) : List.of(),
                onDayOff.getValue() == null ? EntryTiming.DEFAULT.onDayOff() : onDayOff.getValue());
    }

    private static java.util.Collection<DayOfWeek> withDefault(java.util.Set<DayOfWeek> chosen) {
        return chosen.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : chosen;
    }

    /** "-10, +1" → [-10, 1]. */
    static List<Integer> parseOffsets(@Nullable String text) {
        List<Integer> parsed = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return parsed;
        }
        for (String part : Arrays.stream(text.split("[,;\\s]+")).filter(p -> !p.isBlank()).toList()) {
            try {
                parsed.add(Integer.parseInt(part.replace("−", "-").replace("+", "")));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("“" + part + "” is not a number of days. Write e.g. -10, +1.");
            }
        }
        return parsed;
    }
}
