package app.cadence.cutover.service;

import app.cadence.template.service.TemplateLibrary;
import app.cadence.tenancy.service.TenantContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The plans of the template versions runs follow, kept once read: a published version never
 * changes, and reading and parsing a 500-step runbook on every tick of a step would cost more than
 * the tick. Keyed by tenant and version (DESIGN.md: nothing cached across tenants), and bounded.
 */
@Component
class RunPlans {

    private static final int KEPT = 256;

    private record Key(Long tenantId, Long versionId) {
    }

    private final TemplateLibrary templates;
    private final Map<Key, RunPlan> plans = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, RunPlan> eldest) {
            return size() > KEPT;
        }
    });

    RunPlans(TemplateLibrary templates) {
        this.templates = templates;
    }

    RunPlan of(Long templateVersionId) {
        Key key = new Key(TenantContext.requireTenantId(), templateVersionId);
        RunPlan plan = plans.get(key);
        if (plan == null) {
            plan = RunPlan.of(templates.publishedContent(templateVersionId));
            plans.put(key, plan);
        }
        return plan;
    }
}
