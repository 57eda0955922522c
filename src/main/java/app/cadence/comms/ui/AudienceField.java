package app.cadence.comms.ui;

import app.cadence.comms.service.Audience;
import app.cadence.comms.service.Communications.SeriesView;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** The audience of a series: kept as it is until distribution lists and stakeholders can be picked here. */
class AudienceField extends Div {

    private final Audience current;

    AudienceField(SeriesView series) {
        this.current = series.audience();
        add(new Span("Audience: " + series.audienceLabel()));
    }

    Audience value() {
        return current;
    }
}
