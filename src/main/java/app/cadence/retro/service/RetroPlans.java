package app.cadence.retro.service;

import app.cadence.template.service.TemplateLibrary;
import app.cadence.tenancy.service.TenantContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The plans of the template versions sessions follow, kept once read: a published version never
 * changes, and twenty people adding cards would otherwise parse the template twenty times a
 * second. Keyed by tenant and version (DESIGN.md: nothing cached across tenants), and bounded.
 */
@Component
class RetroPlans {

    private static final int KEPT = 128;

    private record Key(Long tenantId, Long versionId) {
    }

    private final TemplateLibrary templates;
    private final Map<Key, RetroPlan> plans = Collections.synchronizedMap(new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, RetroPlan> eldest) {
            return size() > KEPT;
        }
    });

    RetroPlans(TemplateLibrary templates) {
        this.templates = templates;
    }

    RetroPlan of(Long templateVersionId) {
        Key key = new Key(TenantContext.requireTenantId(), templateVersionId);
        RetroPlan plan = plans.get(key);
        if (plan == null) {
            plan = RetroPlan.of(templates.publishedContent(templateVersionId));
            plans.put(key, plan);
        }
        return plan;
    }
}
