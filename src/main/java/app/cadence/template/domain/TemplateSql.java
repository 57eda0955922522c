package app.cadence.template.domain;

import org.springframework.modulith.NamedInterface;

/**
 * The template module's tables ({@code template}, {@code template_version}) as SQL that other
 * modules' native queries may embed, so that they are written only here. Each fragment names the
 * columns it promises and the parameters it binds.
 */
@NamedInterface("api")
public final class TemplateSql {

    /**
     * {@code template_id, latest_number}: the latest published version of each active template of
     * the tenant bound to {@code :tenant} (a retired template's instances have nothing to move to).
     */
    public static final String LATEST_PUBLISHED = """
            select v.template_id, max(v.number) as latest_number
              from template_version v
              join template t on t.id = v.template_id and t.tenant_id = v.tenant_id
             where v.tenant_id = :tenant and v.number is not null and t.status = 'ACTIVE'
             group by v.template_id""";

    private TemplateSql() {
    }
}
