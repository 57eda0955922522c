package app.cadence.admin.ui;

import app.cadence.admin.service.OrganisationSettings;
import app.cadence.admin.service.OrganisationSettings.Branding;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.shared.Registration;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * The organisation's branding in the header: its logo, and its accent colour as the CSS custom
 * property {@code --cadence-accent} on the element it themes (the app layout). Refreshed when
 * the layout renders for a tenant and when the settings page reports a change.
 */
@NamedInterface("ui")
public class OrganisationBrand extends Div {

    public static final String ACCENT_PROPERTY = "--cadence-accent";

    private final transient OrganisationSettings settings;
    private final Component themed;
    private final Runnable onChange;
    private final Image logo = new Image();
    private @Nullable Registration listener;

    /**
     * @param themed   receives the accent colour; its descendants inherit it
     * @param onChange also run after a change, e.g. to redraw the organisation's name elsewhere
     */
    public OrganisationBrand(OrganisationSettings settings, Component themed, Runnable onChange) {
        this.settings = settings;
        this.themed = themed;
        this.onChange = onChange;
        addClassName("organisation-brand");
        logo.addClassName("organisation-logo");
        add(logo);
        setVisible(false);
    }

    public void refresh() {
        Branding branding = settings.branding();
        // Only ever a value that passed AccentColour's #rrggbb check: nothing else reaches the style.
        if (branding.accent() != null) {
            themed.getElement().getStyle().set(ACCENT_PROPERTY, branding.accent().hex());
        } else {
            themed.getElement().getStyle().remove(ACCENT_PROPERTY);
        }
        if (branding.logo() != null) {
            // A new handler is a new address, so a replaced logo is never answered from the cache.
            logo.setSrc(new LogoDownload(settings));
            logo.setAlt(branding.name());
            setVisible(true);
        } else {
            logo.getElement().removeAttribute("src");
            setVisible(false);
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        listener = ComponentUtil.addListener(event.getUI(), BrandingChanged.class, e -> {
            refresh();
            onChange.run();
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (listener != null) {
            listener.remove();
            listener = null;
        }
    }
}
