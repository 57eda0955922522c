package app.cadence.project.domain;

import java.util.List;
import java.util.Locale;
import org.springframework.modulith.NamedInterface;

/**
 * A project's RAG status, or "Not assessed" when there is nothing to judge it by (see
 * {@link HealthRule}). Only red, amber and green can be set by hand.
 */
@NamedInterface("api")
public enum Health {
    GREEN("Green"),
    AMBER("Amber"),
    RED("Red"),
    NOT_ASSESSED("Not assessed");

    /** What a person may set by hand: a judgement, which "Not assessed" is not. */
    public static final List<Health> RAG = List.of(RED, AMBER, GREEN);

    private final String label;

    Health(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The badge's style class, e.g. {@code health-not-assessed}. */
    public String styleClass() {
        return "health-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
