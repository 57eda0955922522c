package app.cadence.shell;

import app.cadence.admin.service.OrganisationSettings;
import app.cadence.admin.ui.OrganisationBrand;
import app.cadence.notify.ui.NotificationBell;
import app.cadence.operator.ui.OperatorPage;
import app.cadence.tenancy.service.CadenceUser;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.shared.ui.MenuOnDemand;
import app.cadence.shared.ui.UserMessages;
import app.cadence.tenancy.service.TenantSelection;
import app.cadence.tenancy.service.TenantSettings;
import app.cadence.tenancy.service.TenantSelectionService;
import app.cadence.tenancy.ui.TenantSwitcher;
import app.cadence.tenancy.ui.SelectTenantView;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.ContextMenu;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The frame around every signed-in page: navigation for what the role may use, the current
 * organisation with the switcher, and the user menu.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements BeforeEnterObserver, AfterNavigationObserver {

    /** Where an operator outside any organisation lands, and the one other page they may open there. */
    private static final String OPERATOR_HOME = "operator/tenants";
    private static final String ACCOUNT = "account";

    private final AuthenticationContext authentication;
    private final TenantSwitcher tenantSwitcher;
    private final Span viewTitle = new Span();
    private final SideNavigation nav = new SideNavigation();
    /** Opens the user menu; the menu's items exist only while it is open. */
    private final Button userMenu = new Button();
    private final Avatar userAvatar = new Avatar();
    private final Span userName = new Span();
    private @Nullable Long renderedTenantId;
    private final TenantSettings settings;
    /** The organisation's logo and accent colour (issue C5); the colour is set on this layout. */
    private final OrganisationBrand organisationBrand;
    /** The signed-in person's notifications with their unread count (issue C7). */
    private final NotificationBell notificationBell;

    MainLayout(AuthenticationContext authentication, TenantSelectionService tenants,
               TenantSettings settings, OrganisationSettings organisation, NotificationBell notificationBell) {
        this.authentication = authentication;
        this.notificationBell = notificationBell;
        this.settings = settings;
        this.tenantSwitcher = new TenantSwitcher(tenants);
        this.organisationBrand = new OrganisationBrand(organisation, this, tenantSwitcher::refresh);
        setPrimarySection(Section.DRAWER);
        addToDrawer(brand(), new Scroller(nav));
        addToNavbar(true, navbar());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        TenantSelection selection = TenantContext.currentSelection().orElse(null);
        Long tenantId;
        if (selection != null) {
            tenantId = selection.tenantId();
        } else if (TenantContext.isOperator()) {
            // --- platform operators (C5): outside any organisation they may open operator pages
            // and their own account only; this runs before HomeView, so their landing page is decided here.
            if (!OperatorPage.class.isAssignableFrom(event.getNavigationTarget()) && !event.getLocation().getPath().equals(ACCOUNT)) {
                event.forwardTo(OPERATOR_HOME);
                return;
            }
            tenantId = TenantContext.NO_TENANT;
        } else {
            event.forwardTo(SelectTenantView.class);
            return;
        }
        // Another tab switched the organisation: this page still shows the old one, so reload it.
        if (renderedTenantId != null && !renderedTenantId.equals(tenantId)) {
            UI.getCurrent().getPage().reload();
            return;
        }
        if (!Objects.equals(renderedTenantId, tenantId)) {
            renderedTenantId = tenantId;
            // Messages that mention a time (e.g. a conflict) read it in the organisation's zone.
            UserMessages.useZone(settings.zone());
            buildNav();
            tenantSwitcher.refresh();
            tenantSwitcher.setVisible(selection != null || tenantSwitcher.hasOtherTenants());
            if (selection != null) {
                organisationBrand.refresh();
            } else {
                organisationBrand.setVisible(false); // an operator outside any organisation: no organisation's branding
            }
            buildUserMenu();
            notificationBell.refresh();
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        // A new page starts at its top: the layout's content area would keep the last page's scroll.
        getElement().executeJs("window.scrollTo(0, 0);"
                + " const content = this.shadowRoot && this.shadowRoot.querySelector('[content]');"
                + " if (content) { content.scrollTop = 0; }");
        Component content = getContent();
        String title = "";
        if (content instanceof HasDynamicTitle dynamic) {
            title = dynamic.getPageTitle();
        } else if (content != null && content.getClass().isAnnotationPresent(PageTitle.class)) {
            title = content.getClass().getAnnotation(PageTitle.class).value();
        }
        viewTitle.setText(title.replace(" · Cadence", ""));
    }

    /**
     * The side navigation from the views' own {@code @Menu} entries, in their order; Vaadin leaves
     * out what the signed-in role may not open (the same access check as navigation).
     */
    private void buildNav() {
        nav.show(MenuConfiguration.getMenuEntries().stream()
                .map(entry -> new SideNavigation.Entry(entry.title(), entry.path(), entry.icon())).toList());
    }

    private static Component brand() {
        Div brand = new Div(new Span("Cadence"));
        brand.addClassName("app-brand");
        return brand;
    }

    private Component navbar() {
        viewTitle.addClassName("app-view-title");
        userMenu.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        userMenu.addClassName("app-user-menu");
        userMenu.setAriaLabel("User menu");
        userAvatar.addThemeVariants(com.vaadin.flow.component.avatar.AvatarVariant.LUMO_XSMALL);
        userName.addClassName("user-name");
        userMenu.setIcon(userAvatar);
        userMenu.getElement().appendChild(userName.getElement());
        new MenuOnDemand(userMenu, this::fillUserMenu);
        HorizontalLayout bar = new HorizontalLayout(new DrawerToggle(), viewTitle, organisationBrand, tenantSwitcher, notificationBell, userMenu);
        bar.addClassName("app-navbar");
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(viewTitle);
        return bar;
    }

    /** The user menu's button: the signed-in person's avatar and name. */
    private void buildUserMenu() {
        String name = TenantContext.currentUser().map(CadenceUser::displayName).orElse("");
        userAvatar.setName(name);
        userName.setText(name);
    }

    /** The user menu's items, as they are when it opens. */
    private void fillUserMenu(ContextMenu menu) {
        CadenceUser user = TenantContext.currentUser().orElse(null);
        if (user != null) {
            MenuItem signedInAs = menu.addItem("Signed in as " + user.email());
            signedInAs.setEnabled(false);
            signedInAs.addClassName("menu-note");
        }
        if (tenantSwitcher.hasOtherTenants()) {
            menu.addItem("Across my organisations", e -> UI.getCurrent().navigate("home"));
            menu.addItem("Switch organisation…", e -> UI.getCurrent().navigate(SelectTenantView.class));
        }
        menu.addItem("Your account", e -> UI.getCurrent().navigate(ACCOUNT));
        menu.addItem("Sign out", e -> authentication.logout());
    }
}
