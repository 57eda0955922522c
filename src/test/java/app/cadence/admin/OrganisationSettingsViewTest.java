package app.cadence.admin;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.admin.service.OrganisationSettings;
import app.cadence.admin.ui.OrganisationBrand;
import app.cadence.admin.ui.OrganisationSettingsView;
import app.cadence.project.ui.ProjectsView;
import app.cadence.shell.MainLayout;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.Fixtures.Tenant;
import app.cadence.support.KaribuTest;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import com.github.mvysny.fakeservlet.FakeResponse;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.StreamResourceRegistry.ElementStreamResource;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.VaadinSession;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OrganisationSettingsViewTest extends KaribuTest {

    @Autowired OrganisationSettings settings;
    @Autowired TenantScope scope;

    Tenant tenant;
    Member admin;

    @BeforeEach
    void signInAsAdmin() {
        tenant = fixtures.tenant("Branded");
        admin = fixtures.member(tenant, Role.ADMIN);
        login(admin.authentication());
    }

    @Test
    void theAdminFindsTheSettingsInTheNavigationAndSavesThem() {
        navigate("projects");
        assertThat(_get(app.cadence.shell.SideNavigation.class).labels()).contains("Organisation settings");

        navigate("admin/settings");

        assertThat(currentView()).isInstanceOf(OrganisationSettingsView.class);
        TextField name = _get(TextField.class, spec -> spec.withLabel("Display name"));
        @SuppressWarnings("unchecked")
        ComboBox<String> zone = _get(ComboBox.class, spec -> spec.withLabel("Time zone"));
        TextField colour = _get(TextField.class, spec -> spec.withLabel("Accent colour"));
        Button save = _get(Button.class, spec -> spec.withText("Save"));
        assertThat(name.getValue()).isEqualTo(tenant.name());
        assertThat(zone.getValue()).isEqualTo("UTC");
        assertThat(zone.getHelperText()).contains("instances already created keep the zone they were planned in");
        assertThat(save.isEnabled()).as("nothing changed yet").isFalse();

        type(name, "Branded Holdings");
        type(zone, "America/Chicago");
        type(colour, "#2E7D32");
        assertThat(save.isEnabled()).isTrue();
        _click(save);

        assertThat(save.isEnabled()).isFalse();
        assertThat(colour.getValue()).isEqualTo("#2e7d32");
        assertThat(layout().getElement().getStyle().get(OrganisationBrand.ACCENT_PROPERTY)).isEqualTo("#2e7d32");
        assertThat(scope.call(admin.userId(), admin.tenantId(), settings::load).name()).isEqualTo("Branded Holdings");
        // The switcher in the header names the organisation as it is now called.
        assertThat(_find(com.vaadin.flow.component.html.Span.class, spec -> spec.withText("Branded Holdings"))).isNotEmpty();
    }

    @Test
    void aColourThatIsNotHexIsRefusedNextToTheFieldAndNeverReachesTheStyle() {
        navigate("admin/settings");
        TextField colour = _get(TextField.class, spec -> spec.withLabel("Accent colour"));

        type(colour, "red;background:url(x)");
        _click(_get(Button.class, spec -> spec.withText("Save")));

        assertThat(colour.isInvalid()).isTrue();
        assertThat(colour.getErrorMessage()).contains("#1565c0");
        assertThat(colour.getValue()).as("what the user typed is kept").isEqualTo("red;background:url(x)");
        assertThat(layout().getElement().getStyle().get(OrganisationBrand.ACCENT_PROPERTY)).isNull();
        assertThat(scope.call(admin.userId(), admin.tenantId(), settings::load).accentColour()).isEmpty();
    }

    @Test
    void theHealthThresholdsAreValidatedNextToTheirFieldsAndSaved() {
        navigate("admin/settings");
        IntegerField red = _get(IntegerField.class, spec -> spec.withLabel("Red when overdue items are more than (% of due items)"));
        IntegerField days = _get(IntegerField.class, spec -> spec.withLabel("Amber when going live without a runbook within (days)"));
        Button save = _get(Button.class, spec -> spec.withText("Save"));
        assertThat(red.getValue()).isEqualTo(10);
        assertThat(days.getValue()).isEqualTo(14);
        assertThat(red.getHelperText()).contains("more than this share of its items already due is overdue");

        type(red, 150);
        _click(save);
        assertThat(red.isInvalid()).isTrue();
        assertThat(red.getErrorMessage()).contains("from 0", "to 100");
        assertThat(red.getValue()).as("what the user typed is kept").isEqualTo(150);
        assertThat(load().healthRedOverduePercent()).isEqualTo(10);

        type(red, 20);
        assertThat(red.isInvalid()).as("cleared once changed").isFalse();
        type(days, null);
        _click(save);
        assertThat(days.isInvalid()).isTrue();
        assertThat(days.getErrorMessage()).contains("from 1 to 365");
        assertThat(load().healthGoLiveDays()).isEqualTo(14);

        type(days, 30);
        _click(save);
        assertThat(red.isInvalid()).isFalse();
        assertThat(days.isInvalid()).isFalse();
        assertThat(save.isEnabled()).as("saved: nothing left to save").isFalse();
        assertThat(load().healthRedOverduePercent()).isEqualTo(20);
        assertThat(load().healthGoLiveDays()).isEqualTo(30);
    }

    private OrganisationSettings.Settings load() {
        return scope.call(admin.userId(), admin.tenantId(), settings::load);
    }

    @Test
    void leavingWithUnsavedChangesAsksFirst() {
        navigate("admin/settings");
        type(_get(TextField.class, spec -> spec.withLabel("Display name")), "Not saved");

        navigate("projects");

        assertThat(currentView()).isInstanceOf(OrganisationSettingsView.class);
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(currentView()).isInstanceOf(ProjectsView.class);
    }

    @Test
    void theHeaderServesTheLogoWithItsValidatedTypeToMembers() throws Exception {
        byte[] png = LogoImages.png(90, 30);
        scope.call(admin.userId(), admin.tenantId(), () -> settings.replaceLogo(png));
        Member viewer = fixtures.member(tenant, Role.VIEWER);
        login(viewer.authentication());

        navigate("projects");

        Image logo = _get(layout(), Image.class, spec -> spec.withClasses("organisation-logo"));
        assertThat(logo.getAlt()).contains(tenant.name());
        FakeResponse response = fetch(logo);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("image/png");
        assertThat(response.getHeader("Content-Disposition")).isEqualTo("inline");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("private, max-age=3600");
        assertThat(response.getBuffer().toByteArray()).isEqualTo(png);
    }

    @Test
    void theAdminRemovesTheLogoAfterConfirming() {
        scope.call(admin.userId(), admin.tenantId(), () -> settings.replaceLogo(LogoImages.jpeg(40, 40)));
        navigate("admin/settings");
        assertThat(_get(Image.class, spec -> spec.withClasses("logo-preview-image")).getAlt()).hasValueSatisfying(
                alt -> assertThat(alt).contains(tenant.name()));
        assertThat(_get(layout(), OrganisationBrand.class).isVisible()).isTrue();

        _click(_get(Button.class, spec -> spec.withText("Remove logo")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        assertThat(scope.call(admin.userId(), admin.tenantId(), () -> settings.logo())).isEmpty();
        assertThat(_find(Image.class, spec -> spec.withClasses("logo-preview-image"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withText("Remove logo"))).as("nothing left to remove").isEmpty();
        assertThat(_find(layout(), Image.class, spec -> spec.withClasses("organisation-logo"))).as("the header drops the logo at once").isEmpty();
    }

    private static MainLayout layout() {
        return (MainLayout) UI.getCurrent().getCurrentView().getParent().orElseThrow();
    }

    /** Requests the image's address as the browser would, through the handler Vaadin registered for it. */
    private static FakeResponse fetch(Image image) throws Exception {
        VaadinSession session = VaadinSession.getCurrent();
        String src = image.getElement().getAttribute("src");
        ElementStreamResource resource = session.getResourceRegistry()
                .getResource(ElementStreamResource.class, new URI(src)).orElseThrow();
        FakeResponse response = new FakeResponse();
        resource.getElementRequestHandler().handleRequest(VaadinRequest.getCurrent(),
                new VaadinServletResponse(response, (VaadinServletService) VaadinServletService.getCurrent()), session, resource.getOwner());
        return response;
    }
}
