package app.cadence.work.ui;

import app.cadence.template.domain.TemplateKind;
import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * A part of an instance's page that another module draws (a cutover's runs, from the cutover
 * module): the instance page places what it is given between its progress and its items, and
 * knows nothing of what is inside.
 */
@NamedInterface("ui")
public interface InstancePageSection {

    /** The section for one instance, or nothing when it does not apply to this kind of instance. */
    Optional<Component> create(Long instanceId, TemplateKind kind, boolean canManage);
}
