package app.cadence.template.ui;

import app.cadence.template.domain.TemplateKind;
import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * A tab of a template's page that another module draws (the lessons recorded against the
 * template, from the lessons module): the template page places what it is given and knows nothing
 * of what is inside, so the template module does not depend on the modules that build on it.
 */
@NamedInterface("ui")
public interface TemplatePageSection {

    /** The tab's title, e.g. "Lessons". */
    String title();

    /** The tab's content for one template, or nothing when it does not apply; {@code author} for ADMIN/PMO. */
    Optional<Component> create(Long templateId, TemplateKind kind, boolean author);

    /** Where it goes among the tabs after the template's own: lower first. */
    default int order() {
        return 0;
    }
}
