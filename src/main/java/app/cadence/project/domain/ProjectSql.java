package app.cadence.project.domain;

import org.springframework.modulith.NamedInterface;

/**
 * The project module's tables ({@code project}, {@code program}) as SQL that other modules'
 * native queries may embed, so that they are written only here. Each fragment names the
 * columns it promises and the parameters it binds.
 */
@NamedInterface("api")
public final class ProjectSql {

    /**
     * The projects of the tenant bound to {@code :tenant}: {@code project_id, tenant_id, project_key, name,
     * status, program_id, program_name, pm_user_id, start_date, go_live_date, close_date,
     * health_override, health_override_reason, updated_at}.
     */
    public static final String PROJECTS = """
            select p.id as project_id, p.tenant_id, p.project_key, p.name, p.status, p.program_id, prog.name as program_name,
                   p.pm_user_id, p.start_date, p.go_live_date, p.close_date, p.health_override, p.health_override_reason,
                   p.updated_at
              from project p
              left join program prog on prog.id = p.program_id and prog.tenant_id = p.tenant_id
             where p.tenant_id = :tenant""";

    private ProjectSql() {
    }

    /** A scalar subquery: how many projects the tenant whose id is in {@code tenantIdColumn} has (any tenant: operators). */
    public static String projectCountOf(String tenantIdColumn) {
        return "(select count(*) from project p where p.tenant_id = " + tenantIdColumn + ")";
    }
}
