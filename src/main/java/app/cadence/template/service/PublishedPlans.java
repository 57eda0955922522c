package app.cadence.template.service;

import app.cadence.template.domain.TemplateContent;
import app.cadence.tenancy.service.TenantContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.modulith.NamedInterface;

/**
 * What another module makes of published template versions (a runbook's plan, a retrospective's
 * columns), kept once made: a published version never changes, and reading and parsing it on every
 * tick of a step or every card would cost more than the tick. Keyed by tenant and version
 * (DESIGN.md: nothing cached across tenants), least recently used first out.
 */
@NamedInterface("api")
public final class PublishedPlans<P> {

    private record Key(Long tenantId, Long versionId) {
    }

    private final TemplateLibrary templates;
    private final Function<TemplateContent, P> make;
    private final Map<Key, P> plans;

    public PublishedPlans(TemplateLibrary templates, Function<TemplateContent, P> make, int kept) {
        this.templates = templates;
        this.make = make;
        this.plans = Collections.synchronizedMap(new LinkedHashMap<>(32, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, P> eldest) {
                return size() > kept;
            }
        });
    }

    /** The plan of a published version of the current tenant; another tenant's version is not found. */
    public P of(Long templateVersionId) {
        Key key = new Key(TenantContext.requireTenantId(), templateVersionId);
        P plan = plans.get(key);
        if (plan == null) {
            plan = make.apply(templates.publishedContent(templateVersionId));
            plans.put(key, plan);
        }
        return plan;
    }
}
