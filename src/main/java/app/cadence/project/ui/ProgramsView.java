package app.cadence.project.ui;

import app.cadence.project.domain.Program;
import app.cadence.project.domain.ProgramRow;
import app.cadence.project.service.ProgramService;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.shared.ui.UserMessages;
import app.cadence.tenancy.domain.RoleSets;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

/** The tenant's programs: groupings of projects. ADMIN and PMO create, rename and delete them. */
@Route("programs")
@Menu(order = 4, icon = "vaadin:cluster", title = "Programs")
@PageTitle("Programs · Cadence")
@RolesAllowed(RoleSets.MEMBERS)
public class ProgramsView extends VerticalLayout {

    private final ProgramService programs;
    private final boolean canEdit;
    private final Grid<ProgramRow> grid = new Grid<>();

    ProgramsView(ProgramService programs, AuthenticationContext authentication) {
        this.programs = programs;
        this.canEdit = authentication.hasRole(RoleSets.PORTFOLIO_OFFICE);
        addClassName("programs-view");
        setSizeFull();
        grid.addColumn(ProgramRow::name).setHeader("Program").setFlexGrow(2);
        grid.addColumn(r -> r.description() == null ? "" : r.description()).setHeader("Description").setFlexGrow(3);
        grid.addColumn(ProgramRow::projects).setHeader("Projects").setAutoWidth(true).setFlexGrow(0);
        if (canEdit) {
            grid.addComponentColumn(this::actions).setKey("actions").setHeader("").setAutoWidth(true).setFlexGrow(0);
            Button create = new Button("New program", VaadinIcon.PLUS.create(), e -> openEditor(null));
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(create);
        }
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText("No programs yet. Programs group related projects, e.g. “Finance transformation”.");
        add(grid);
        expand(grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(programs.list());
    }

    private HorizontalLayout actions(ProgramRow row) {
        Button edit = new Button(VaadinIcon.EDIT.create(), e -> openEditor(row));
        edit.setAriaLabel("Edit “" + row.name() + "”");
        edit.setTooltipText("Edit");
        Button delete = new Button(VaadinIcon.TRASH.create(), e -> confirmDelete(row));
        delete.setAriaLabel("Delete “" + row.name() + "”");
        delete.setTooltipText("Delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        for (Button b : new Button[] {edit, delete}) {
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        }
        return new HorizontalLayout(edit, delete);
    }

    private void openEditor(@Nullable ProgramRow existing) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(existing == null ? "New program" : "Edit program");
        TextField name = new TextField("Name");
        name.setMaxLength(Program.NAME_MAX);
        name.setRequiredIndicatorVisible(true);
        name.setAutofocus(true);
        TextArea description = new TextArea("Description");
        description.setMaxLength(Program.DESCRIPTION_MAX);
        if (existing != null) {
            name.setValue(existing.name());
            description.setValue(existing.description() == null ? "" : existing.description());
        }
        dialog.add(new FormLayout(name, description));
        Button save = new Button(existing == null ? "Create" : "Save", e -> {
            try {
                if (existing == null) {
                    programs.create(name.getValue(), description.getValue());
                } else {
                    programs.update(existing.id(), existing.version(), name.getValue(), description.getValue());
                }
                dialog.close();
                UserMessages.showSuccess("Program “" + name.getValue().strip() + "” saved.");
                refresh();
            } catch (RuleViolationException ex) {
                if ("name".equals(ex.field())) {
                    name.setErrorMessage(ex.getMessage());
                    name.setInvalid(true);
                } else {
                    UserMessages.showError(ex);
                }
            } catch (RuntimeException ex) {
                UserMessages.showError(ex);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER).listenOn(name);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private void confirmDelete(ProgramRow row) {
        ConfirmDialog dialog = new ConfirmDialog("Delete “" + row.name() + "”?",
                "The program is removed. Only a program without projects can be deleted.", "Delete program", e -> {
                    try {
                        programs.delete(row.id());
                        UserMessages.showSuccess("Program “" + row.name() + "” deleted.");
                        refresh();
                    } catch (RuntimeException ex) {
                        UserMessages.showError(ex);
                    }
                });
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }
}
