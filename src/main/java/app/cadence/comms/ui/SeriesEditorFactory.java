package app.cadence.comms.ui;

import app.cadence.comms.service.Audiences;
import app.cadence.comms.service.Communications;
import app.cadence.comms.service.Communications.SeriesView;
import org.springframework.stereotype.Component;

/** Opens the editor of one entry of a project's communication plan. */
@Component
class SeriesEditorFactory {

    private final Communications communications;
    private final Audiences audiences;

    SeriesEditorFactory(Communications communications, Audiences audiences) {
        this.communications = communications;
        this.audiences = audiences;
    }

    void open(SeriesView series, Runnable saved) {
        new SeriesEditor(communications, series, new AudiencePicker(audiences, series.projectId()), saved).open();
    }
}
