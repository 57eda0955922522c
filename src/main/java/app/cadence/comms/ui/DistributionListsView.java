package app.cadence.comms.ui;

import app.cadence.comms.domain.DistributionList;
import app.cadence.comms.domain.DistributionListRow;
import app.cadence.comms.service.DistributionListCandidate;
import app.cadence.comms.service.DistributionListDetails;
import app.cadence.comms.service.DistributionLists;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.shared.ui.UserMessages;
import app.cadence.tenancy.domain.RoleSets;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

/**
 * The organisation's distribution lists: a lazy grid, filtered and sorted in the database; the
 * chosen list below it with everyone on it. ADMIN, PMO and PM create, rename and delete lists
 * (delete confirmed) and add or remove people — members of the organisation and stakeholders of
 * any of its projects, found by typing in one combo box; everyone else reads.
 */
@Route("lists")
@PageTitle("Distribution lists · Cadence")
@Menu(order = 5.7, icon = "vaadin:envelopes", title = "Distribution lists")
@RolesAllowed(RoleSets.MEMBERS)
public class DistributionListsView extends VerticalLayout {

    final TextField filter = new TextField();
    final Grid<DistributionListRow> grid = new Grid<>();
    final Paragraph emptyState = new Paragraph();
    final Div detail = new Div();
    final Grid<DistributionListDetails.Entry> entries = new Grid<>();
    final ComboBox<DistributionListCandidate> addPerson = new ComboBox<>();
    final @Nullable Button create;
    private final DistributionLists lists;
    private final boolean canEdit;
    private @Nullable DistributionListDetails shown;

    DistributionListsView(DistributionLists lists) {
        this.lists = lists;
        this.canEdit = lists.mayEdit();
        addClassName("distribution-lists-view");
        setSizeFull();

        HorizontalLayout heading = new HorizontalLayout(new H2("Distribution lists"));
        heading.setWidthFull();
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (canEdit) {
            create = new Button("New list", VaadinIcon.PLUS.create(), e -> openListDialog(null));
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.addClassName("create-list");
            heading.addToEnd(create);
        } else {
            create = null;
        }
        filter.setPlaceholder("Filter by name or description");
        filter.setAriaLabel("Filter lists");
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setWidth("24rem");
        filter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        grid.addColumn(DistributionListRow::name).setHeader("List").setKey("name").setSortable(true).setFlexGrow(2);
        grid.addColumn(r -> r.description() == null ? "" : r.description()).setHeader("Description").setKey("description").setSortable(true)
                .setFlexGrow(3);
        grid.addColumn(DistributionListRow::size).setHeader("People").setKey("size").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setPageSize(50);
        grid.setHeight("20rem");
        grid.setWidthFull();
        grid.setItems(query -> lists.list(filter.getValue(), VaadinSpringDataHelpers.toSpringDataSort(query), query.getOffset(),
                query.getLimit()).stream(), query -> countAndDescribe());
        emptyState.addClassName("empty-state");
        grid.setEmptyStateComponent(emptyState);
        grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue() == null ? null : e.getValue().id()));

        entries.addColumn(DistributionListDetails.Entry::name).setHeader("Name").setKey("name").setSortable(true).setFlexGrow(2);
        entries.addColumn(e -> e.email() == null ? "(no email)" : e.email()).setHeader("Email").setKey("email").setSortable(true).setFlexGrow(2);
        entries.addColumn(DistributionListDetails.Entry::detail).setHeader("Who").setKey("detail").setSortable(true).setFlexGrow(2);
        if (canEdit) {
            entries.addComponentColumn(this::removeButton).setHeader("").setKey("remove").setAutoWidth(true).setFlexGrow(0);
        }
        entries.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        entries.setAllRowsVisible(true);
        entries.setEmptyStateText(canEdit ? "Nobody is on this list yet. Find members and stakeholders in the box above to add them."
                : "Nobody is on this list yet.");

        addPerson.setPlaceholder("Add a member or stakeholder: type a name, email or organisation");
        addPerson.setAriaLabel("Add a member or stakeholder");
        addPerson.setItemLabelGenerator(DistributionListCandidate::label);
        addPerson.setItems(query -> lists.candidates(query.getFilter().orElse("")).stream().skip(query.getOffset()).limit(query.getLimit()));
        addPerson.setWidth("36rem");
        addPerson.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                addToShown(e.getValue());
            }
        });
        detail.addClassName("list-detail");
        detail.setWidthFull();
        detail.setVisible(false);

        add(heading, filter, grid, detail);
    }

    private int countAndDescribe() {
        int count = Math.toIntExact(lists.count(filter.getValue()));
        if (count == 0) {
            emptyState.setText(!filter.isEmpty() ? "No list matches “" + filter.getValue().strip() + "”. Clear the filter to see them all."
                    : canEdit ? "No distribution lists yet. Create one with “New list” — e.g. “Steering committee” — and put members and "
                    + "stakeholders on it; a communication can then go to the whole list."
                    : "No distribution lists yet. A project manager or the PMO creates them.");
        }
        return count;
    }

    /** Shows one list below the grid, or none. */
    void show(@Nullable Long listId) {
        detail.removeAll();
        shown = null;
        if (listId == null) {
            detail.setVisible(false);
            return;
        }
        try {
            shown = lists.details(listId);
        } catch (RecordNotFoundException gone) {
            UserMessages.showError(gone);
            detail.setVisible(false);
            grid.getDataProvider().refreshAll();
            return;
        }
        DistributionListDetails list = shown;
        HorizontalLayout title = new HorizontalLayout(new H3(list.name()));
        title.setAlignItems(FlexComponent.Alignment.BASELINE);
        title.setWidthFull();
        if (canEdit) {
            Button rename = new Button("Rename", VaadinIcon.EDIT.create(), e -> openListDialog(list));
            rename.addClassName("rename-list");
            Button delete = new Button("Delete", VaadinIcon.TRASH.create(), e -> confirmDelete(list));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            delete.addClassName("delete-list");
            title.addToEnd(rename, delete);
        }
        detail.add(title);
        if (list.description() != null) {
            detail.add(new Paragraph(list.description()));
        }
        if (canEdit) {
            addPerson.clear();
            detail.add(addPerson);
        }
        entries.setItems(list.entries());
        detail.add(entries);
        detail.setVisible(true);
    }

    void addToShown(DistributionListCandidate person) {
        DistributionListDetails list = shown;
        if (list == null) {
            return;
        }
        try {
            lists.add(list.id(), person.kind(), person.refId());
            UserMessages.showSuccess(person.name() + " is on “" + list.name() + "”.");
        } catch (RuntimeException ex) {
            UserMessages.showError(ex);
        }
        reshow(list.id());
    }

    private Component removeButton(DistributionListDetails.Entry entry) {
        Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> removeFromShown(entry));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        remove.setAriaLabel("Remove " + entry.name() + " from the list");
        remove.addClassName("remove-from-list");
        return remove;
    }

    void removeFromShown(DistributionListDetails.Entry entry) {
        DistributionListDetails list = shown;
        if (list == null) {
            return;
        }
        try {
            lists.remove(list.id(), entry.kind(), entry.refId());
            UserMessages.showSuccess(entry.name() + " is no longer on “" + list.name() + "”.");
        } catch (RuntimeException ex) {
            UserMessages.showError(ex);
        }
        reshow(list.id());
    }

    private void reshow(Long listId) {
        grid.getDataProvider().refreshAll();
        show(listId);
    }

    void confirmDelete(DistributionListDetails list) {
        ConfirmDialog confirm = new ConfirmDialog("Delete “" + list.name() + "”?",
                "The list goes; the " + list.entries().size() + (list.entries().size() == 1 ? " person" : " people")
                        + " on it stay in the organisation and in their projects' registers. Communications addressed to the list "
                        + "will no longer reach them through it.", "Delete", e -> {
                    try {
                        lists.delete(list.id(), list.version());
                        UserMessages.showSuccess("“" + list.name() + "” was deleted.");
                        grid.deselectAll();
                        show(null);
                        grid.getDataProvider().refreshAll();
                    } catch (RuntimeException ex) {
                        UserMessages.showError(ex);
                    }
                });
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    /** Creates a list ({@code list} null) or renames one. */
    void openListDialog(@Nullable DistributionListDetails list) {
        Dialog dialog = new Dialog();
        dialog.addClassName("list-dialog");
        dialog.setHeaderTitle(list == null ? "New distribution list" : "Rename “" + list.name() + "”");
        TextField name = new TextField("Name");
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(DistributionList.NAME_MAX);
        name.setWidthFull();
        name.setAutofocus(true);
        TextArea description = new TextArea("Description");
        description.setMaxLength(DistributionList.DESCRIPTION_MAX);
        description.setWidthFull();
        description.setPlaceholder("Who is on it and what they receive");
        if (list != null) {
            name.setValue(list.name());
            description.setValue(list.description() == null ? "" : list.description());
        }
        Button save = new Button(list == null ? "Create" : "Save", e -> {
            name.setInvalid(false);
            description.setInvalid(false);
            try {
                if (list == null) {
                    Long id = lists.create(name.getValue(), description.getValue());
                    UserMessages.showSuccess("“" + name.getValue().strip() + "” was created. Add people to it below.");
                    dialog.close();
                    grid.getDataProvider().refreshAll();
                    show(id);
                } else {
                    lists.rename(list.id(), list.version(), name.getValue(), description.getValue());
                    UserMessages.showSuccess("Your changes to the list were saved.");
                    dialog.close();
                    reshow(list.id());
                }
            } catch (RuleViolationException ex) {
                TextField field = "description".equals(ex.field()) ? null : name;
                if (field != null) {
                    field.setErrorMessage(ex.getMessage());
                    field.setInvalid(true);
                } else {
                    description.setErrorMessage(ex.getMessage());
                    description.setInvalid(true);
                }
            } catch (RuntimeException ex) {
                UserMessages.showError(ex);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClassName("save-list");
        save.addClickShortcut(Key.ENTER).listenOn(name);
        dialog.add(new VerticalLayout(name, description));
        dialog.setWidth("32rem");
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

}
