package app.cadence.admin.ui;

import app.cadence.admin.domain.AccentColour;
import app.cadence.admin.service.OrganisationSettings.LogoInfo;
import app.cadence.admin.service.OrganisationSettings.Settings;
import app.cadence.admin.service.OrganisationSettings.SettingsChange;
import app.cadence.admin.service.OrganisationSettings;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.shared.ui.BoundedUploadHandler;
import app.cadence.shared.ui.UnsavedChanges;
import app.cadence.shared.ui.UserMessages;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.TenantProfiles;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The organisation's settings for its ADMIN: name, time zone, accent colour and the cutover and
 * health thresholds saved together, the logo uploaded and removed on its own.
 */
@Route("admin/settings")
@Menu(order = 7, icon = "vaadin:cog", title = "Organisation settings")
@PageTitle("Organisation settings · Cadence")
@RolesAllowed(RoleSets.ADMINISTRATORS)
public class OrganisationSettingsView extends VerticalLayout implements BeforeLeaveObserver {

    private final transient OrganisationSettings settings;

    private final TextField name = new TextField("Display name");
    private final ComboBox<String> timeZone = new ComboBox<>("Time zone");
    private final TextField accentColour = new TextField("Accent colour");
    private final IntegerField lateStepMinutes = new IntegerField("Late step threshold (minutes)");
    private final IntegerField healthRedOverduePercent = new IntegerField("Red when overdue items are more than (% of due items)");
    private final IntegerField healthGoLiveDays = new IntegerField("Amber when going live without a runbook within (days)");
    private final Span swatch = new Span();
    private final Button save = new Button("Save", VaadinIcon.CHECK.create());
    private final Button discard = new Button("Discard changes");
    private final Map<String, HasValidation> fieldsByProperty = Map.of("name", name, "timeZone", timeZone, "accentColour", accentColour,
            "lateStepMinutes", lateStepMinutes, "healthRedOverduePercent", healthRedOverduePercent, "healthGoLiveDays", healthGoLiveDays);

    private final Div logoPreview = new Div();
    private final Paragraph logoFacts = new Paragraph();
    private final Paragraph logoProblem = new Paragraph();
    private final Button removeLogo = new Button("Remove logo", VaadinIcon.TRASH.create());

    private Settings loaded;

    OrganisationSettingsView(OrganisationSettings settings) {
        this.settings = settings;
        addClassName("organisation-settings-view");
        setMaxWidth("46rem");

        name.setMaxLength(TenantProfiles.NAME_MAX);
        name.setRequiredIndicatorVisible(true);
        name.setHelperText("Shown in the header and the organisation switcher of everyone in the organisation.");
        name.setWidthFull();
        name.setAutofocus(true);

        timeZone.setItems(OrganisationSettings.availableZones());
        timeZone.setRequiredIndicatorVisible(true);
        timeZone.setAllowCustomValue(false);
        timeZone.setPlaceholder("Type to search, e.g. London");
        timeZone.setHelperText("Due dates are computed and shown in this zone. A change applies to templates applied from now on; "
                + "instances already created keep the zone they were planned in, so their due dates do not move.");
        timeZone.setWidthFull();

        accentColour.setMaxLength(7);
        accentColour.setPlaceholder("#1565c0");
        accentColour.setHelperText("Highlights the header and the current page in the navigation. "
                + "Enter # and six hexadecimal digits, or leave empty for Cadence's own colour.");
        accentColour.setWidth("16rem");
        swatch.addClassName("accent-swatch");
        swatch.getElement().setAttribute("aria-hidden", "true");
        HorizontalLayout colourRow = new HorizontalLayout(accentColour, swatch);
        colourRow.setAlignItems(FlexComponent.Alignment.BASELINE);

        lateStepMinutes.setMin(TenantProfiles.LATE_STEP_MINUTES_MIN);
        lateStepMinutes.setMax(TenantProfiles.LATE_STEP_MINUTES_MAX);
        lateStepMinutes.setStepButtonsVisible(true);
        lateStepMinutes.setRequiredIndicatorVisible(true);
        lateStepMinutes.setHelperText("When a cutover step runs this many minutes later than planned, its owner is notified.");
        lateStepMinutes.setWidth("16rem");

        healthRedOverduePercent.setMin(TenantProfiles.HEALTH_RED_OVERDUE_PERCENT_MIN);
        healthRedOverduePercent.setMax(TenantProfiles.HEALTH_RED_OVERDUE_PERCENT_MAX);
        healthRedOverduePercent.setStepButtonsVisible(true);
        healthRedOverduePercent.setRequiredIndicatorVisible(true);
        healthRedOverduePercent.setSuffixComponent(new Span("%"));
        healthRedOverduePercent.setHelperText("A project is red when more than this share of its items already due is overdue. "
                + "Fewer overdue items make it amber.");
        healthRedOverduePercent.setWidthFull();

        healthGoLiveDays.setMin(TenantProfiles.HEALTH_GO_LIVE_DAYS_MIN);
        healthGoLiveDays.setMax(TenantProfiles.HEALTH_GO_LIVE_DAYS_MAX);
        healthGoLiveDays.setStepButtonsVisible(true);
        healthGoLiveDays.setRequiredIndicatorVisible(true);
        healthGoLiveDays.setHelperText("An active project whose go-live date is this many days away or fewer, with no cutover runbook "
                + "applied, is amber.");
        healthGoLiveDays.setWidthFull();
        H3 healthTitle = new H3("Project health");

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        discard.addClickListener(e -> show(settings.load()));
        HorizontalLayout actions = new HorizontalLayout(save, discard);
        actions.addClassName("form-actions");

        name.addValueChangeListener(e -> changed(name));
        timeZone.addValueChangeListener(e -> changed(timeZone));
        lateStepMinutes.addValueChangeListener(e -> changed(lateStepMinutes));
        healthRedOverduePercent.addValueChangeListener(e -> changed(healthRedOverduePercent));
        healthGoLiveDays.addValueChangeListener(e -> changed(healthGoLiveDays));
        accentColour.addValueChangeListener(e -> {
            changed(accentColour);
            showSwatch();
        });

        add(name, timeZone, colourRow, lateStepMinutes, healthTitle, healthRedOverduePercent, healthGoLiveDays, actions, logoSection());
        loaded = settings.load();
        show(loaded);
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (hasChanges()) {
            UnsavedChanges.confirmLeaving(event, "the organisation settings");
        }
    }

    private Div logoSection() {
        H3 title = new H3("Logo");
        Paragraph help = new Paragraph("Shown in the header for everyone in the organisation. A PNG, JPEG or WebP image of at most "
                + kilobytes(settings.maxLogoBytes()) + " and 2048 × 2048 pixels; a wide logo about 32 pixels high looks best. "
                + "SVG is not accepted, because it can contain scripts. An uploaded logo is saved at once.");
        help.addClassName("hint");
        logoPreview.addClassName("logo-preview");
        logoFacts.addClassName("hint");
        logoProblem.addClassName("import-problem");
        logoProblem.setVisible(false);

        Upload[] uploadRef = new Upload[1];
        Upload upload = new Upload(new BoundedUploadHandler(settings.maxLogoBytes(), (metadata, bytes) -> {
            uploadRef[0].clearFileList();
            uploadLogo(bytes);
        }, fileName -> {
            uploadRef[0].clearFileList();
            problem("“" + fileName + "” was not accepted: it is larger than " + kilobytes(settings.maxLogoBytes())
                    + ". Save the logo smaller and upload it again.");
        }));
        uploadRef[0] = upload;
        upload.setAcceptedFileTypes("image/png", "image/jpeg", "image/webp", ".png", ".jpg", ".jpeg", ".webp");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(settings.maxLogoBytes());
        upload.setUploadButton(new Button("Upload logo…", VaadinIcon.UPLOAD.create()));
        upload.addFileRejectedListener(e -> problem(e.getErrorMessage()
                + " Choose a PNG, JPEG or WebP image of at most " + kilobytes(settings.maxLogoBytes()) + "."));

        removeLogo.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        removeLogo.addClickListener(e -> confirmRemoveLogo());

        Div section = new Div(title, help, logoPreview, logoFacts, upload, logoProblem, removeLogo);
        section.addClassName("logo-section");
        section.setWidthFull();
        return section;
    }

    private void show(Settings s) {
        loaded = s;
        name.setValue(s.name());
        timeZone.setValue(s.timeZone());
        accentColour.setValue(s.accentColour());
        lateStepMinutes.setValue(s.lateStepMinutes());
        healthRedOverduePercent.setValue(s.healthRedOverduePercent());
        healthGoLiveDays.setValue(s.healthGoLiveDays());
        fieldsByProperty.values().forEach(f -> f.setInvalid(false));
        showSwatch();
        showLogo(s.logo());
        updateButtons();
    }

    private void changed(HasValidation field) {
        field.setInvalid(false);
        updateButtons();
    }

    private boolean hasChanges() {
        return !Objects.equals(name.getValue(), loaded.name())
                || !Objects.equals(Objects.requireNonNullElse(timeZone.getValue(), ""), loaded.timeZone())
                || !Objects.equals(accentColour.getValue(), loaded.accentColour())
                || !Objects.equals(lateStepMinutes.getValue(), loaded.lateStepMinutes())
                || !Objects.equals(healthRedOverduePercent.getValue(), loaded.healthRedOverduePercent())
                || !Objects.equals(healthGoLiveDays.getValue(), loaded.healthGoLiveDays());
    }

    private void updateButtons() {
        boolean changes = hasChanges();
        save.setEnabled(changes);
        discard.setEnabled(changes);
    }

    /** The swatch takes its colour only from a value that passed the #rrggbb check. */
    private void showSwatch() {
        Optional<AccentColour> colour;
        try {
            colour = AccentColour.parse(accentColour.getValue());
        } catch (RuleViolationException e) {
            colour = Optional.empty();
        }
        colour.ifPresentOrElse(c -> swatch.getStyle().set("background", c.hex()), () -> swatch.getStyle().remove("background"));
        swatch.setTitle(colour.map(AccentColour::hex).orElse("Cadence's own colour"));
    }

    private void save() {
        SettingsChange change = new SettingsChange(name.getValue(), Objects.requireNonNullElse(timeZone.getValue(), ""),
                // Empty or not a number: a value out of range, which the service refuses with the field's message.
                accentColour.getValue(), Objects.requireNonNullElse(lateStepMinutes.getValue(), 0),
                Objects.requireNonNullElse(healthRedOverduePercent.getValue(), -1),
                Objects.requireNonNullElse(healthGoLiveDays.getValue(), 0), loaded.version());
        try {
            Settings saved = settings.save(change);
            show(saved);
            // Times in this session's messages follow the new zone without signing in again.
            UserMessages.useZone(ZoneId.of(saved.timeZone()));
            brandingChanged();
            UserMessages.showSuccess("Organisation settings saved.");
        } catch (RuleViolationException e) {
            HasValidation field = e.field() == null ? null : fieldsByProperty.get(e.field());
            if (field != null) {
                field.setErrorMessage(e.getMessage());
                field.setInvalid(true);
                if (field instanceof com.vaadin.flow.component.Focusable<?> focusable) {
                    focusable.focus();
                }
            }
            UserMessages.showError(e);
        } catch (RuntimeException e) {
            // The input stays in the form: nothing typed is lost.
            UserMessages.showError(e);
        }
    }

    private void uploadLogo(byte[] bytes) {
        try {
            settings.replaceLogo(bytes);
            logoProblem.setVisible(false);
            showLogo(settings.load().logo());
            brandingChanged();
            UserMessages.showSuccess("Logo saved. Everyone in the organisation sees it in the header.");
        } catch (RuleViolationException e) {
            problem(e.getMessage());
        } catch (RuntimeException e) {
            UserMessages.showError(e);
        }
    }

    private void confirmRemoveLogo() {
        ConfirmDialog dialog = new ConfirmDialog("Remove the logo?",
                "The header will show no logo for anyone in the organisation until a new one is uploaded.",
                "Remove logo", e -> removeLogo());
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    private void removeLogo() {
        try {
            settings.removeLogo();
            showLogo(null);
            brandingChanged();
            UserMessages.showSuccess("Logo removed.");
        } catch (RuntimeException e) {
            UserMessages.showError(e);
        }
    }

    private void showLogo(@Nullable LogoInfo logo) {
        logoPreview.removeAll();
        if (logo == null) {
            Span none = new Span("No logo yet: the header shows the organisation's name only.");
            none.addClassName("empty-state");
            logoPreview.add(none);
            logoFacts.setText("");
            logoFacts.setVisible(false);
            removeLogo.setVisible(false);
            return;
        }
        Image image = new Image(new LogoDownload(settings), "Current logo of " + loaded.name());
        image.addClassName("logo-preview-image");
        logoPreview.add(image);
        logoFacts.setText(logo.width() + " × " + logo.height() + " pixels, " + kilobytes(logo.byteCount()) + ", uploaded by "
                + logo.updatedBy() + " on " + UserMessages.formatTime(logo.updatedAt()) + ".");
        logoFacts.setVisible(true);
        removeLogo.setVisible(true);
    }

    private void problem(String message) {
        logoProblem.setText(message);
        logoProblem.setVisible(true);
    }

    private void brandingChanged() {
        UI ui = UI.getCurrent();
        if (ui != null) {
            ComponentUtil.fireEvent(ui, new BrandingChanged(ui));
        }
    }

    private static String kilobytes(int bytes) {
        return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }
}
