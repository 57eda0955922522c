package app.cadence.template.domain;

import org.springframework.modulith.NamedInterface;

/** The project date a communication-plan entry's offset counts from. */
@NamedInterface("api")
public enum PlanAnchor {
    PLAN_START("Plan start"),
    GO_LIVE("Go-live"),
    PLAN_END("Plan end");

    private final String label;

    PlanAnchor(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
