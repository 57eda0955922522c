package app.cadence.work.ui;

import app.cadence.tenancy.service.MemberSummary;
import app.cadence.tenancy.service.MembershipDirectory;
import app.cadence.work.domain.ItemStatus;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.jspecify.annotations.Nullable;

/**
 * What can be done at once to the selected items of an instance: a status (with the reason when
 * blocked) or an assignee. {@link InstanceView} makes it when the first item is selected, so a
 * page on which nobody selects anything keeps none of its fields in the session.
 */
final class BulkBar extends HorizontalLayout {

    /** What the bar's buttons ask the page to do with the selected items. */
    interface Actions {
        void setStatus(ItemStatus status, @Nullable String reason);

        void assign(@Nullable MemberSummary person);
    }

    private final Span selectedCount = new Span();
    private final Select<ItemStatus> status = new Select<>();
    private final TextField reason = new TextField();
    private final ComboBox<MemberSummary> assignee = new ComboBox<>();

    BulkBar(MembershipDirectory members, Actions actions) {
        status.setItems(ItemStatus.values());
        status.setItemLabelGenerator(ItemStatus::label);
        status.setPlaceholder("Set status…");
        status.setAriaLabel("Status for the selected items");
        reason.setPlaceholder("Why blocked?");
        reason.setAriaLabel("Why the selected items are blocked");
        reason.setVisible(false);
        status.addValueChangeListener(e -> reason.setVisible(e.getValue() == ItemStatus.BLOCKED));
        Button applyStatus = new Button("Apply status", e -> applyStatus(actions));
        AssigneeChoices.fetchInto(assignee, members);
        assignee.setPlaceholder("Assign to…");
        assignee.setAriaLabel("Assignee for the selected items");
        Button assign = new Button("Assign", e -> assign(actions));
        Button unassign = new Button("Unassign", e -> actions.assign(null));
        unassign.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(selectedCount, status, reason, applyStatus, assignee, assign, unassign);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        addClassName("bulk-bar");
    }

    /** Shown while items are selected, with how many. */
    void selected(long count) {
        selectedCount.setText(count + " selected");
        setVisible(count > 0);
    }

    void statusApplied() {
        status.clear();
        reason.clear();
    }

    void assigned() {
        assignee.clear();
    }

    private void applyStatus(Actions actions) {
        ItemStatus chosen = status.getValue();
        if (chosen == null) {
            status.setErrorMessage("Choose the status to set.");
            status.setInvalid(true);
            return;
        }
        actions.setStatus(chosen, reason.getValue());
    }

    private void assign(Actions actions) {
        MemberSummary person = assignee.getValue();
        if (person == null) {
            assignee.setErrorMessage("Choose who to assign the items to.");
            assignee.setInvalid(true);
            return;
        }
        actions.assign(person);
    }
}
