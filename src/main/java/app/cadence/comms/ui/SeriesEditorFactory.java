package app.cadence.comms.ui;

import app.cadence.comms.service.Communications;
import app.cadence.comms.service.Communications.SeriesView;
import org.springframework.stereotype.Component;

/** Opens the editor of one entry of a project's communication plan. */
@Component
class SeriesEditorFactory {

    private final Communications communications;

    SeriesEditorFactory(Communications communications) {
        this.communications = communications;
    }

    void open(SeriesView series, Runnable saved) {
        new SeriesEditor(communications, series, saved).open();
    }
}
