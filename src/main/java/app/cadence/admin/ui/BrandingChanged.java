package app.cadence.admin.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.UI;

/**
 * Fired on the UI after the organisation's name, colour or logo changed, so that the header of
 * the same browser tab shows the change without a reload.
 */
public class BrandingChanged extends ComponentEvent<UI> {

    public BrandingChanged(UI ui) {
        super(ui, false);
    }
}
