package app.cadence.template.domain;

import org.springframework.modulith.NamedInterface;

/** What a template standardises. More kinds may follow (readiness checklist, closure …). */
@NamedInterface("api")
public enum TemplateKind {
    RETROSPECTIVE("Retrospective"),
    CUTOVER("Cutover runbook"),
    COMMUNICATION_PLAN("Communication plan");

    private final String label;

    TemplateKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
