package app.cadence.project.domain;

/** A project's RAG status. */
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
