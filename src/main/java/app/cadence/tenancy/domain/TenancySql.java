package app.cadence.tenancy.domain;

import org.springframework.modulith.NamedInterface;

/**
 * The tenancy module's tables as SQL that other modules' native queries may embed, so that
 * {@code tenant}, {@code user_account} and {@code membership} are written only here: a change to
 * them changes this class and the columns it promises, not every query that reads members.
 * Each fragment is a constant (usable in {@code @Query}) and names the parameters it binds.
 */
@NamedInterface("api")
public final class TenancySql {

    /** {@code email}: the accounts of the active members of the tenant bound to {@code :tenantId}. */
    public static final String ACTIVE_MEMBER_EMAILS = """
            select u.email from membership m join user_account u on u.id = m.user_id
             where m.tenant_id = :tenantId and m.active = true""";

    /** {@code user_id, display_name} of every account; accounts belong to no tenant. */
    public static final String ACCOUNT_NAMES = "select u.id as user_id, u.display_name as display_name from user_account u";

    /**
     * {@code id, name, slug, status, created_at, suspended_at, suspended_reason, member_count}
     * (active members) of every tenant: the operator's list, which spans tenants on purpose.
     */
    public static final String TENANTS_WITH_MEMBER_COUNT = """
            select t.id, t.name, t.slug, t.status, t.created_at, t.suspended_at, t.suspended_reason,
                   (select count(*) from membership m where m.tenant_id = t.id and m.active = true) as member_count
              from tenant t""";

    private TenancySql() {
    }
}
