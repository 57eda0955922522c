package app.cadence.admin.ui;

import app.cadence.admin.domain.InvitationStatus;
import app.cadence.admin.service.MemberAdministration;
import app.cadence.admin.service.MemberViews.InvitationRow;
import app.cadence.admin.service.MemberViews.MemberRow;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.shared.ui.UserMessages;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.domain.RoleSets;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The organisation's people: who is a member with which role, and who has been invited. */
@Route("admin/members")
@Menu(order = 6, icon = "vaadin:users", title = "Members")
@PageTitle("Members · Cadence")
@RolesAllowed(RoleSets.ADMINISTRATORS)
public class MembersView extends VerticalLayout {

    private final MemberAdministration administration;
    private final Grid<MemberRow> members = new Grid<>();
    private final Grid<InvitationRow> invitations = new Grid<>();
    private final TextField search = new TextField();
    private final Checkbox showDeactivated = new Checkbox("Show deactivated members");
    private final Paragraph noInvitations = new Paragraph("No invitations yet. Invite people with the button above.");

    MembersView(MemberAdministration administration) {
        this.administration = administration;
        addClassName("members-view");
        setSizeFull();

        search.setPlaceholder("Search members");
        search.setAriaLabel("Search members");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        showDeactivated.addValueChangeListener(e -> refresh());
        Button invite = new Button("Invite people", VaadinIcon.PLUS.create(), e -> openInvite());
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout toolbar = new HorizontalLayout(search, showDeactivated, invite);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        toolbar.setWidthFull();
        toolbar.expand(search);

        members.addClassName("members-grid");
        members.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        members.addColumn(m -> m.displayName() + (m.you() ? " (you)" : "")).setHeader("Name").setSortable(true)
                .setComparator(Comparator.comparing(MemberRow::displayName, String.CASE_INSENSITIVE_ORDER)).setAutoWidth(true).setFlexGrow(1);
        members.addColumn(MemberRow::email).setHeader("Email").setSortable(true).setAutoWidth(true).setFlexGrow(1);
        members.addColumn(m -> m.role().label()).setHeader("Role").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        members.addColumn(m -> m.active() ? "Active" : "Deactivated " + when(m.deactivatedAt())).setHeader("Status").setAutoWidth(true)
                .setSortable(true).setFlexGrow(0);
        members.addColumn(m -> m.lastActiveAt() == null ? "Not yet" : when(m.lastActiveAt())).setHeader("Last active").setSortable(true)
                .setComparator(Comparator.comparing(MemberRow::lastActiveAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .setAutoWidth(true).setFlexGrow(0);
        members.addColumn(m -> when(m.joinedAt())).setHeader("Member since").setSortable(true)
                .setComparator(Comparator.comparing(MemberRow::joinedAt)).setAutoWidth(true).setFlexGrow(0);
        members.addComponentColumn(this::memberActions).setHeader("").setKey("actions").setAutoWidth(true).setFlexGrow(0);
        members.setEmptyStateText("No members match.");

        invitations.addClassName("invitations-grid");
        invitations.setAllRowsVisible(true);
        invitations.addColumn(InvitationRow::email).setHeader("Email").setFlexGrow(2);
        invitations.addColumn(i -> i.role().label()).setHeader("Role").setAutoWidth(true).setFlexGrow(0);
        invitations.addColumn(i -> i.status().label()).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        invitations.addColumn(InvitationRow::invitedBy).setHeader("Invited by").setFlexGrow(1);
        invitations.addColumn(i -> when(i.createdAt())).setHeader("Sent").setAutoWidth(true).setFlexGrow(0);
        invitations.addColumn(i -> when(i.expiresAt())).setHeader("Valid until").setAutoWidth(true).setFlexGrow(0);
        invitations.addComponentColumn(this::invitationActions).setHeader("").setAutoWidth(true).setFlexGrow(0);

        H2 invitedHeading = new H2("Invitations");
        invitedHeading.addClassName("section-heading");
        Paragraph emailNote = new Paragraph(administration.emailIsSent()
                ? "Invitations are emailed with a link that works once, for 7 days."
                : "Email is not set up, so invitations wait in the Email outbox. Someone who already has a Cadence account can join "
                        + "with the link you copy from there; someone new also needs the code that only the email contains, "
                        + "so they can join once email is set up.");
        emailNote.addClassName("hint");
        add(toolbar, members, invitedHeading, emailNote, noInvitations, invitations);
        setFlexGrow(1, members);
        refresh();
    }

    private void refresh() {
        String term = search.getValue().strip().toLowerCase(Locale.ROOT);
        List<MemberRow> shown = administration.members().stream()
                .filter(m -> showDeactivated.getValue() || m.active())
                .filter(m -> term.isEmpty() || m.displayName().toLowerCase(Locale.ROOT).contains(term) || m.email().contains(term))
                .toList();
        members.setItems(shown);
        List<InvitationRow> rows = administration.invitations();
        invitations.setItems(rows);
        invitations.setVisible(!rows.isEmpty());
        noInvitations.setVisible(rows.isEmpty());
    }

    private Component memberActions(MemberRow member) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        if (member.active()) {
            Button role = small("Change role", () -> openRole(member));
            role.setAriaLabel("Change the role of " + member.displayName());
            Button deactivate = small("Deactivate", () -> confirmDeactivate(member));
            deactivate.addThemeVariants(ButtonVariant.LUMO_ERROR);
            deactivate.setAriaLabel("Deactivate " + member.displayName());
            actions.add(role, deactivate);
        } else {
            Button reactivate = small("Reactivate", () -> act(() -> administration.reactivate(member.userId()),
                    member.displayName() + " can enter the organisation again, as " + member.role().label() + "."));
            reactivate.setAriaLabel("Reactivate " + member.displayName());
            actions.add(reactivate);
        }
        return actions;
    }

    private Component invitationActions(InvitationRow invitation) {
        if (invitation.status() != InvitationStatus.PENDING) {
            return new Span();
        }
        Button revoke = small("Revoke", () -> {
            ConfirmDialog confirm = new ConfirmDialog("Revoke the invitation?",
                    "The link sent to " + invitation.email() + " will stop working.", "Revoke",
                    e -> act(() -> administration.revoke(invitation.id()), "Invitation to " + invitation.email() + " revoked."));
            confirm.setCancelable(true);
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        revoke.setAriaLabel("Revoke the invitation to " + invitation.email());
        return revoke;
    }

    private void openInvite() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Invite people");
        dialog.setWidth("min(32rem, 95vw)");
        EmailField email = new EmailField("Email");
        email.setPlaceholder("pm@initech.example");
        email.setWidthFull();
        email.setAutofocus(true);
        Select<Role> role = roleSelect(Role.CONTRIBUTOR);
        Paragraph explain = new Paragraph("They get a link to join. Someone who already uses Cadence for another organisation "
                + "signs in with their existing account and can switch between organisations.");
        explain.addClassName("hint");
        Button send = new Button("Send invitation", e -> {
            email.setInvalid(false);
            try {
                InvitationRow sent = administration.invite(email.getValue(), role.getValue());
                dialog.close();
                refresh();
                UserMessages.showSuccess(administration.emailIsSent() ? "Invitation sent to " + sent.email() + "."
                        : "Invitation to " + sent.email() + " is in the Email outbox: copy its link from there "
                        + "if they already have a Cadence account.");
            } catch (RuleViolationException ex) {
                if ("email".equals(ex.field())) {
                    email.setErrorMessage(ex.getMessage());
                    email.setInvalid(true);
                } else {
                    UserMessages.showError(ex);
                }
            }
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickShortcut(Key.ENTER);
        dialog.add(new VerticalLayout(email, role, explain));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), send);
        dialog.open();
    }

    private void openRole(MemberRow member) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Role of " + member.displayName());
        dialog.setWidth("min(24rem, 95vw)");
        Select<Role> role = roleSelect(member.role());
        Button save = new Button("Save", e -> {
            try {
                administration.changeRole(member.userId(), role.getValue());
                dialog.close();
                refresh();
                UserMessages.showSuccess(member.displayName() + " is now " + role.getValue().label() + ".");
            } catch (RuleViolationException ex) {
                role.setErrorMessage(ex.getMessage());
                role.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        dialog.add(role);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private void confirmDeactivate(MemberRow member) {
        ConfirmDialog confirm = new ConfirmDialog("Deactivate " + member.displayName() + "?",
                member.displayName() + " will no longer be able to enter the organisation. Their work and its history stay; "
                        + "you can reactivate them later.", "Deactivate",
                e -> act(() -> administration.deactivate(member.userId()), member.displayName() + " is deactivated."));
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            refresh();
            UserMessages.showSuccess(done);
        } catch (RuntimeException ex) {
            UserMessages.showError(ex);
        }
    }

    private static Select<Role> roleSelect(Role initial) {
        Select<Role> role = new Select<>();
        role.setLabel("Role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(Role::label);
        role.setValue(initial);
        role.setWidthFull();
        return role;
    }

    private static Button small(String label, Runnable action) {
        Button button = new Button(label, e -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private static String when(@Nullable Instant at) {
        return at == null ? "" : UserMessages.formatTime(at);
    }
}
