package app.cadence.support;

import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.SectionRole;
import app.cadence.template.domain.StepType;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.domain.TemplateSection;
import java.util.List;
import java.util.UUID;

/** Small templates whose plans the tests compute by hand. */
public final class SampleTemplates {

    private SampleTemplates() {
    }

    /**
     * A four-step runbook. Due (finish) times from T0: extract T-4h, load T-1h, sign-off T0
     * (evidence required), restore T+5h. The critical path is extract → load → sign-off; the
     * restore step is in the rollback section, so off it.
     */
    public static TemplateContent runbook() {
        CutoverStep extract = new CutoverStep(UUID.randomUUID(), "Extract legacy data", null, StepType.TASK, -360, 120, "Data lead",
                List.of(), null, null, false);
        CutoverStep load = new CutoverStep(UUID.randomUUID(), "Load data", null, StepType.TASK, -240, 180, "Data lead",
                List.of(extract.key()), null, null, false);
        CutoverStep signOff = new CutoverStep(UUID.randomUUID(), "Business sign-off", null, StepType.MILESTONE, -60, 60, "Sponsor",
                List.of(load.key()), null, null, true);
        CutoverStep restore = new CutoverStep(UUID.randomUUID(), "Restore backup", null, StepType.TASK, 60, 240, "DBA",
                List.of(signOff.key()), "Sign-off refused", "Restore last night's backup", false);
        return new TemplateContent(TemplateKind.CUTOVER, List.of(
                new TemplateSection(UUID.randomUUID(), "Execution", SectionRole.EXECUTION, List.of(extract, load, signOff)),
                new TemplateSection(UUID.randomUUID(), "Rollback", SectionRole.ROLLBACK, List.of(restore))), null);
    }
}
