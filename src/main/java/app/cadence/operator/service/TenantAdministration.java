package app.cadence.operator.service;

import app.cadence.admin.service.FirstAdminInvitation;
import app.cadence.audit.domain.SecurityEventType;
import app.cadence.audit.service.SecurityLog;
import app.cadence.project.domain.ProjectSql;
import app.cadence.shared.domain.SearchTerm;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.domain.TenancySql;
import app.cadence.tenancy.domain.TenantStatus;
import app.cadence.tenancy.service.TenantLifecycle.CreatedTenant;
import app.cadence.tenancy.service.TenantLifecycle.TenantName;
import app.cadence.tenancy.service.TenantLifecycle;
import jakarta.annotation.security.RolesAllowed;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The operator console's service: lists tenants with their sizes, creates, suspends and
 * reactivates them, each step in the security log under the tenant's id (so the tenant's ADMIN
 * sees it too). Operators get counts, never content: no method here returns a project, a
 * template or a person of a tenant.
 */
@Service
@RolesAllowed(RoleSets.OPERATORS)
public class TenantAdministration {


    /**
     * Plain SQL across tenants on purpose, from what the tenancy and project modules publish:
     * projects are @TenantId entities, which Hibernate would filter to the operator's (absent)
     * tenant and count as zero. Only counts leave this query.
     */
    private static final String ROWS = "select t.*, " + ProjectSql.projectCountOf("t.id") + " as project_count"
            + " from (" + TenancySql.TENANTS_WITH_MEMBER_COUNT + ") t";

    /** What happened, for the view to confirm: the tenant and, when it has none, that its first ADMIN is still to come. */
    /** {@code invited}: the address invited as first ADMIN because it has no account yet. */
    public record Created(Long id, String name, String slug, @Nullable String firstAdmin, @Nullable String invited) {
    }

    private final TenantLifecycle lifecycle;
    private final SecurityLog securityLog;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final FirstAdminInvitation firstAdminInvitation;

    TenantAdministration(TenantLifecycle lifecycle, SecurityLog securityLog, JdbcClient jdbc,
                         TransactionTemplate transactions, FirstAdminInvitation firstAdminInvitation) {
        this.firstAdminInvitation = firstAdminInvitation;
        this.lifecycle = lifecycle;
        this.securityLog = securityLog;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Transactional(readOnly = true)
    public List<TenantRow> list(TenantQuery query, long offset, int limit) {
        List<Object> parameters = new ArrayList<>();
        String sql = ROWS + where(query, parameters) + " order by " + order(query) + ", t.id limit ? offset ?";
        parameters.add(Math.max(1, limit));
        parameters.add(Math.max(0, offset));
        return jdbc.sql(sql).params(parameters).query(TenantAdministration::row).list();
    }

    @Transactional(readOnly = true)
    public long count(TenantQuery query) {
        List<Object> parameters = new ArrayList<>();
        return jdbc.sql("select count(*) from (" + TenancySql.TENANTS_WITH_MEMBER_COUNT + ") t" + where(query, parameters)).params(parameters).query(Long.class).single();
    }

    /**
     * Creates the tenant (with its first ADMIN when {@code firstAdminEmail} names an existing
     * account) and installs the starter templates into it. The starter library is installed
     * after the tenant's transaction, as the system inside the new tenant: a failure there
     * leaves a usable, empty tenant rather than none.
     */
    public Created create(String name, ZoneId zone, @Nullable String firstAdminEmail) {
        CreatedTenant tenant = Objects.requireNonNull(transactions.execute(status -> {
            CreatedTenant created = lifecycle.create(name, zone, firstAdminEmail);
            securityLog.record(SecurityEventType.TENANT_CREATED, created.id(), SecurityLog.currentActor(), created.name(),
                    "Slug " + created.slug() + ", time zone " + zone.getId() + ", first ADMIN "
                            + (created.firstAdmin() != null ? created.firstAdmin()
                               : created.toInvite() != null ? created.toInvite() + " (invited)" : "not yet invited") + ".");
            if (created.toInvite() != null) {
                firstAdminInvitation.invite(created.id(), created.name(), created.toInvite());
            }
            return created;
        }));
        // The starter library follows from TenantCreated (template module), after this commit.
        return new Created(tenant.id(), tenant.name(), tenant.slug(), tenant.firstAdmin(), tenant.toInvite());
    }

    /** Members can no longer enter the tenant (those inside are stopped at their next request); its data is kept. */
    @Transactional
    public void suspend(Long tenantId, String reason) {
        TenantName tenant = lifecycle.suspend(tenantId, reason);
        securityLog.record(SecurityEventType.TENANT_SUSPENDED, tenant.id(), SecurityLog.currentActor(), tenant.name(), reason.strip());
    }

    @Transactional
    public void reactivate(Long tenantId) {
        TenantName tenant = lifecycle.reactivate(tenantId);
        securityLog.record(SecurityEventType.TENANT_REACTIVATED, tenant.id(), SecurityLog.currentActor(), tenant.name(), null);
    }

    private static String where(TenantQuery query, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        SearchTerm term = new SearchTerm(query.name());
        if (!term.isEmpty()) {
            conditions.add("lower(t.name) like ? escape '!'");
            parameters.add(term.containsPattern());
        }
        if (query.status() != null) {
            conditions.add("t.status = ?");
            parameters.add(query.status().name());
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /** Only the two orders the enum names reach the SQL: nothing a user typed. */
    private static String order(TenantQuery query) {
        String direction = query.descending() ? " desc" : " asc";
        return switch (query.order()) {
            case NAME -> "lower(t.name)" + direction;
            case CREATED -> "t.created_at" + direction;
        };
    }

    private static TenantRow row(ResultSet rs, int rowNumber) throws SQLException {
        return new TenantRow(rs.getLong("id"), rs.getString("name"), rs.getString("slug"),
                TenantStatus.valueOf(rs.getString("status")), utc(rs, "created_at"), utcOrNull(rs, "suspended_at"),
                rs.getString("suspended_reason"), rs.getLong("member_count"), rs.getLong("project_count"));
    }

    /** Hibernate stores instants as UTC wall-clock timestamps (hibernate.jdbc.time_zone=UTC): read them back the same way. */
    private static Instant utc(ResultSet rs, String column) throws SQLException {
        return Objects.requireNonNull(utcOrNull(rs, column));
    }

    private static @Nullable Instant utcOrNull(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
