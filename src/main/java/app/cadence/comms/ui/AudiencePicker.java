package app.cadence.comms.ui;

import app.cadence.comms.service.Audience;
import app.cadence.comms.service.AudienceOption;
import app.cadence.comms.service.Audiences;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Chooses a communication's audience: the organisation's distribution lists and the project's
 * stakeholders in one searchable, keyboard-driven multi-select (type to filter, arrows and Enter
 * to pick, Backspace to drop the last chip). A field like any other: {@link #setValue(Audience)},
 * {@link #getValue()}, value-change listeners, a Binder. Ids in a value that the options do not
 * hold (a list or stakeholder deleted since, another organisation's) are dropped: what the picker
 * shows is what is saved.
 */
public class AudiencePicker extends CustomField<Audience> {

    private final MultiSelectComboBox<AudienceOption> choices = new MultiSelectComboBox<>();
    private final List<AudienceOption> options;

    /** The picker for one project; the options are read once, when it is made. */
    public AudiencePicker(Audiences audiences, Long projectId) {
        this.options = audiences.options(projectId);
        addClassName("audience-picker");
        choices.setItems(options);
        choices.setItemLabelGenerator(AudienceOption::label);
        choices.setPlaceholder("Lists and stakeholders");
        choices.setAriaLabel("Audience: distribution lists and stakeholders");
        choices.setClearButtonVisible(true);
        choices.setWidthFull();
        setLabel("Audience");
        // CustomField listens for the browser's change event only; this also follows a change made on the server.
        choices.addValueChangeListener(e -> updateValue());
        add(choices);
    }

    /** What the picker offers, lists first, each by name. */
    public List<AudienceOption> options() {
        return options;
    }

    /** The inner multi-select, for tests and for screens that set its width or helper text. */
    public MultiSelectComboBox<AudienceOption> choices() {
        return choices;
    }

    @Override
    protected Audience generateModelValue() {
        Set<Long> lists = new LinkedHashSet<>();
        Set<Long> people = new LinkedHashSet<>();
        for (AudienceOption o : choices.getSelectedItems()) {
            (o.kind() == AudienceOption.Kind.LIST ? lists : people).add(o.id());
        }
        return new Audience(lists, people);
    }

    @Override
    protected void setPresentationValue(Audience audience) {
        Audience value = audience == null ? Audience.none() : audience;
        Set<AudienceOption> selected = options.stream().filter(o -> o.kind() == AudienceOption.Kind.LIST
                ? value.listIds().contains(o.id()) : value.stakeholderIds().contains(o.id())).collect(Collectors.toCollection(LinkedHashSet::new));
        choices.setValue(selected);
    }

    @Override
    public Audience getEmptyValue() {
        return Audience.none();
    }
}
