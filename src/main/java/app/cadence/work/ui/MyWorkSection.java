package app.cadence.work.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * A part of My work that another module draws (the cutover steps waiting for the person, from the
 * cutover module): My work places what it is given above the person's items.
 */
@NamedInterface("ui")
public interface MyWorkSection {

    /** The section for the signed-in person, or nothing when they have nothing of this kind. */
    Optional<Component> create();
}
