package app.cadence.project.domain;

import org.springframework.modulith.NamedInterface;

/** A project's RAG status. */
@NamedInterface("api")
public enum Health {
    GREEN("Green"),
    AMBER("Amber"),
    RED("Red");

    private final String label;

    Health(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
