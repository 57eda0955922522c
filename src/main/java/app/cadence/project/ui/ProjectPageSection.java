package app.cadence.project.ui;

import com.vaadin.flow.component.Component;
import org.springframework.modulith.NamedInterface;

/**
 * A part of the project page that another module draws (the applied templates and their
 * progress, from the work module): the project page places what it is given and knows nothing of
 * what is inside, so that the module that owns the data also owns its screen.
 */
@NamedInterface("ui")
public interface ProjectPageSection {

    /** The section for one project; {@code canEdit} when the reader may change the project. */
    Component create(Long projectId, boolean canEdit);

    /** Where it goes among the sections: lower first. */
    default int order() {
        return 0;
    }

    /** The tab of the project page it belongs on ({@link #OVERVIEW}, {@link #COMMUNICATIONS}, …); tabs appear in the order first met. */
    default String tab() {
        return OVERVIEW;
    }

    String OVERVIEW = "Overview";
    String COMMUNICATIONS = "Communications";
    String STATUS_REPORTS = "Status reports";
}
