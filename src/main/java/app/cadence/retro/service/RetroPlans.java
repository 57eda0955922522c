package app.cadence.retro.service;

import app.cadence.template.service.PublishedPlans;
import app.cadence.template.service.TemplateLibrary;
import org.springframework.stereotype.Component;

/** The plans of the template versions sessions follow, made once per tenant and version: twenty people adding cards do not parse the template twenty times a second. */
@Component
class RetroPlans {

    private static final int KEPT = 128;

    private final PublishedPlans<RetroPlan> plans;

    RetroPlans(TemplateLibrary templates) {
        this.plans = new PublishedPlans<>(templates, RetroPlan::of, KEPT);
    }

    RetroPlan of(Long templateVersionId) {
        return plans.of(templateVersionId);
    }
}
