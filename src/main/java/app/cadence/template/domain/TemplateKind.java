package app.cadence.template.domain;

/** What a template standardises. More kinds may follow (readiness checklist, closure …). */
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
