package app.cadence.cutover.service;

import app.cadence.template.service.PublishedPlans;
import app.cadence.template.service.TemplateLibrary;
import org.springframework.stereotype.Component;

/** The plans of the template versions runs follow, made once per tenant and version: a 500-step runbook is not parsed on every tick of a step. */
@Component
class RunPlans {

    private static final int KEPT = 256;

    private final PublishedPlans<RunPlan> plans;

    RunPlans(TemplateLibrary templates) {
        this.plans = new PublishedPlans<>(templates, RunPlan::of, KEPT);
    }

    RunPlan of(Long templateVersionId) {
        return plans.of(templateVersionId);
    }
}
