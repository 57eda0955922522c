package app.cadence.operator.ui;

import app.cadence.operator.service.TenantAdministration;
import app.cadence.operator.service.TenantQuery;
import app.cadence.operator.service.TenantRow;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.shared.ui.UserMessages;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.domain.TenantStatus;
import app.cadence.tenancy.service.TenantLifecycle;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The operator console: every tenant with its status and size, and the three things an operator
 * does to one — create, suspend, reactivate. Nothing here opens a tenant.
 */
@Route("operator/tenants")
@Menu(order = 10, icon = "vaadin:building", title = "Organisations")
@PageTitle("Organisations · Cadence")
@RolesAllowed(RoleSets.OPERATORS)
public class OperatorTenantsView extends VerticalLayout implements OperatorPage {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final TenantAdministration administration;
    private final TextField search = new TextField();
    private final Select<TenantStatus> status = new Select<>();
    private final Grid<TenantRow> grid = new Grid<>();
    private final Paragraph emptyState = new Paragraph();

    OperatorTenantsView(TenantAdministration administration) {
        this.administration = administration;
        addClassName("operator-tenants-view");
        setSizeFull();

        search.setPlaceholder("Search organisations");
        search.setAriaLabel("Search organisations by name");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("min(100%, 24rem)");
        search.addValueChangeListener(e -> refresh());

        status.setAriaLabel("Status");
        status.setItems(TenantStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("Any status");
        status.setItemLabelGenerator(s -> s == null ? "Any status" : label(s));
        status.addValueChangeListener(e -> refresh());

        Button create = new Button("New organisation", VaadinIcon.PLUS.create(), e -> openCreateDialog());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout toolbar = new HorizontalLayout(search, status, create);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.expand(search);

        grid.addColumn(TenantRow::name).setHeader("Organisation").setKey("name").setSortable(true).setFlexGrow(3);
        grid.addColumn(TenantRow::slug).setHeader("Slug").setKey("slug").setFlexGrow(2);
        grid.addComponentColumn(OperatorTenantsView::statusBadge).setHeader("Status").setKey("status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> DATE.format(r.createdAt().atZone(ZoneOffset.UTC))).setHeader("Created").setKey("created")
                .setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(TenantRow::members).setHeader("Members").setKey("members").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(TenantRow::projects).setHeader("Projects").setKey("projects").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setHeader("").setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setPageSize(50);
        grid.setSizeFull();
        grid.setItems(q -> administration.list(query(q.getSortOrders()), q.getOffset(), q.getLimit()).stream(),
                q -> countAndShowEmptyState());
        grid.sort(GridSortOrder.asc(grid.getColumnByKey("name")).build());
        emptyState.addClassName("empty-state");
        grid.setEmptyStateComponent(emptyState);

        add(toolbar, grid);
        expand(grid);
    }

    private TenantQuery query(List<QuerySortOrder> sortOrders) {
        TenantQuery.Order order = TenantQuery.Order.NAME;
        boolean descending = false;
        if (!sortOrders.isEmpty()) {
            QuerySortOrder first = sortOrders.getFirst();
            order = "created".equals(first.getSorted()) ? TenantQuery.Order.CREATED : TenantQuery.Order.NAME;
            descending = first.getDirection() == SortDirection.DESCENDING;
        }
        return new TenantQuery(search.getValue(), status.getValue(), order, descending);
    }

    private int countAndShowEmptyState() {
        int count = Math.toIntExact(administration.count(query(List.of())));
        if (count == 0) {
            emptyState.setText(search.isEmpty() && status.isEmpty()
                    ? "No organisations yet. Create the first one with “New organisation”."
                    : "No organisation matches these filters. Clear the search or choose another status.");
        }
        return count;
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private static String label(TenantStatus status) {
        return status == TenantStatus.ACTIVE ? "Active" : "Suspended";
    }

    private static Span statusBadge(TenantRow row) {
        Span badge = new Span(label(row.status()));
        badge.addClassNames("status-badge", "tenant-status-" + row.status().name().toLowerCase(Locale.ROOT));
        if (row.suspended() && row.suspendedAt() != null) {
            badge.setTitle("Suspended " + UserMessages.formatTime(row.suspendedAt()) + ": " + row.suspendedReason());
        }
        return badge;
    }

    private Component actions(TenantRow row) {
        Button button = row.suspended()
                ? new Button("Reactivate", VaadinIcon.PLAY.create(), e -> confirmReactivate(row))
                : new Button("Suspend", VaadinIcon.BAN.create(), e -> openSuspendDialog(row));
        button.setAriaLabel(button.getText() + " " + row.name());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        if (!row.suspended()) {
            button.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        return button;
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New organisation");
        TextField name = new TextField("Name");
        name.setMaxLength(TenantLifecycle.NAME_MAX);
        name.setRequiredIndicatorVisible(true);
        name.setAutofocus(true);
        ComboBox<String> zone = new ComboBox<>("Time zone");
        zone.setItems(ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") || z.equals("UTC")).sorted().toList());
        zone.setValue("UTC");
        zone.setRequiredIndicatorVisible(true);
        zone.setHelperText("Due dates of the organisation are computed in it.");
        EmailField firstAdmin = new EmailField("First administrator (optional)");
        firstAdmin.setHelperText("An existing Cadence account becomes its administrator at once; anyone else gets an invitation link by email.");
        firstAdmin.setErrorMessage("Enter an email address such as ada@example.com.");
        dialog.add(new FormLayout(name, zone, firstAdmin));

        Button save = new Button("Create organisation", e -> create(dialog, name, zone, firstAdmin));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER).listenOn(dialog);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.setWidth("min(36rem, 95vw)");
        dialog.open();
    }

    private void create(Dialog dialog, TextField name, ComboBox<String> zone, EmailField firstAdmin) {
        name.setInvalid(false);
        zone.setInvalid(false);
        firstAdmin.setInvalid(false);
        if (zone.isEmpty()) {
            zone.setErrorMessage("Choose the organisation's time zone.");
            zone.setInvalid(true);
            return;
        }
        if (firstAdmin.isInvalid() || (!firstAdmin.isEmpty() && !firstAdmin.getValue().contains("@"))) {
            firstAdmin.setInvalid(true);
            return;
        }
        try {
            TenantAdministration.Created created = administration.create(name.getValue(), ZoneId.of(zone.getValue()),
                    firstAdmin.isEmpty() ? null : firstAdmin.getValue());
            dialog.close();
            UserMessages.showSuccess(created.name() + " created (slug " + created.slug() + ") with the starter templates. "
                    + (created.firstAdmin() != null ? created.firstAdmin() + " is its administrator."
                       : created.invited() != null ? created.invited() + " is invited as its administrator."
                       : "It has no administrator yet."));
            refresh();
        } catch (RuleViolationException ex) {
            com.vaadin.flow.component.@Nullable HasValidation target = "name".equals(ex.field()) ? name
                    : "firstAdmin".equals(ex.field()) ? firstAdmin : null;
            if (target != null) {
                target.setErrorMessage(ex.getMessage());
                target.setInvalid(true);
            } else if ("firstAdmin".equals(ex.field())) {
                firstAdmin.setErrorMessage(ex.getMessage());
                firstAdmin.setInvalid(true);
            } else {
                UserMessages.showError(ex);
            }
        } catch (RuntimeException ex) {
            UserMessages.showError(ex);
        }
    }

    private void openSuspendDialog(TenantRow row) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Suspend " + row.name() + "?");
        Paragraph what = new Paragraph("Its " + row.members() + " members can no longer enter it; anyone working in it is "
                + "stopped at their next step. Nothing is deleted, and reactivating restores access.");
        TextArea reason = new TextArea("Reason");
        reason.setMaxLength(TenantLifecycle.REASON_MAX);
        reason.setRequiredIndicatorVisible(true);
        reason.setHelperText("Recorded in the security log, which the organisation's administrators and other operators read.");
        reason.setWidthFull();
        reason.setAutofocus(true);
        dialog.add(what, reason);
        Button confirm = new Button("Suspend " + row.name(), e -> suspend(dialog, row, reason));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.setWidth("min(36rem, 95vw)");
        dialog.open();
    }

    private void suspend(Dialog dialog, TenantRow row, TextArea reason) {
        try {
            administration.suspend(row.id(), reason.getValue());
            dialog.close();
            UserMessages.showSuccess(row.name() + " is suspended. Its data is kept; reactivate it to let its members back in.");
            refresh();
        } catch (RuleViolationException ex) {
            if ("reason".equals(ex.field())) {
                reason.setErrorMessage(ex.getMessage());
                reason.setInvalid(true);
            } else {
                UserMessages.showError(ex);
            }
        } catch (RuntimeException ex) {
            UserMessages.showError(ex);
        }
    }

    private void confirmReactivate(TenantRow row) {
        ConfirmDialog dialog = new ConfirmDialog("Reactivate " + row.name() + "?",
                "Its members can sign in and work in it again.", "Reactivate", e -> {
                    try {
                        administration.reactivate(row.id());
                        UserMessages.showSuccess(row.name() + " is active again.");
                        refresh();
                    } catch (RuntimeException ex) {
                        UserMessages.showError(ex);
                    }
                });
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("primary");
        dialog.open();
    }
}
