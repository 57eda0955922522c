package app.cadence.work.ui;

import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.MemberSummary;
import app.cadence.tenancy.service.MembershipDirectory;
import com.vaadin.flow.component.combobox.ComboBox;

/**
 * The checklist's assignee pickers (the item panel's, the bulk bar's) fetch who may be given work
 * as the person types, a page at a time, instead of holding the whole organisation in every open
 * checklist page (500 people in the C11 load, roughly 150 bytes each, read again on every visit).
 */
final class AssigneeChoices {

    private AssigneeChoices() {
    }

    static void fetchInto(ComboBox<MemberSummary> picker, MembershipDirectory members) {
        // Identified by person: the current assignee, known by id and name only, is the same choice as the fetched one.
        picker.setItems(query -> members.assignableMembersMatching(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream(),
                        query -> members.countAssignableMembersMatching(query.getFilter().orElse("")))
                .setIdentifierProvider(MemberSummary::userId);
        picker.setItemLabelGenerator(MemberSummary::displayName);
    }

    /** An item's assignee as a choice of the picker, from what the item says of them. */
    static MemberSummary assigned(Long userId, String name) {
        return new MemberSummary(userId, name, "", Role.CONTRIBUTOR);
    }
}
