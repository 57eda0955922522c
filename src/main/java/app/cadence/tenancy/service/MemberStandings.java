package app.cadence.tenancy.service;

import app.cadence.shared.ReadsSince;
import app.cadence.tenancy.domain.Role;
import java.time.Duration;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * What every request of a signed-in session is checked against — the account's session
 * generation and the membership in the session's organisation — read in one statement.
 *
 * <p>Asked twice by every request (is the session revoked? is its role current?) and by every
 * screen refreshed in a push, so it is made cheap without being made stale: one {@code select}
 * in autocommit (no transaction to begin and end around it), and one read shared by everyone
 * who asked for it before it began ({@link ReadsSince}). A caller names since when it needs the
 * answer — a request, when it arrived; a pushed refresh, when its change was announced — and
 * never gets a read that began earlier. So a revocation, demotion or suspension committed before
 * a request arrived is always seen by that request, as if it had read alone.
 */
@NamedInterface("api")
@Component
public class MemberStandings {

    /**
     * The account's session generation (empty: no such account, or disabled) and the selection
     * the person would get in the organisation now (null: they may not enter it).
     */
    public record Standing(OptionalLong sessionGeneration, @Nullable TenantSelection selection) {
    }

    private record Key(Long userId, @Nullable Long tenantId) {
    }

    /** Long enough for a burst of requests or one fan-out to share; see {@link ReadsSince}. */
    private static final Duration KEEP = Duration.ofSeconds(2);

    private static final Standing NO_ACCOUNT = new Standing(OptionalLong.empty(), null);

    private static final String STANDING = """
            select u.session_generation, t.name as tenant_name, m.role
              from user_account u
              left join membership m on m.user_id = u.id and m.tenant_id = :tenantId and m.active = true
              left join tenant t on t.id = m.tenant_id and t.status = 'ACTIVE'
             where u.id = :userId and u.enabled = true""";

    private final JdbcClient jdbc;
    private final ReadsSince<Key, Standing> reads = new ReadsSince<>(KEEP, KEEP);

    MemberStandings(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * The person's standing, read at or after {@code neededSinceNanos} ({@link System#nanoTime()});
     * {@code tenantId} null: the generation only.
     */
    public Standing of(Long userId, @Nullable Long tenantId, long neededSinceNanos) {
        return reads.read(new Key(userId, tenantId), neededSinceNanos, () -> read(userId, tenantId));
    }

    private Standing read(Long userId, @Nullable Long tenantId) {
        return jdbc.sql(STANDING).param("userId", userId).param("tenantId", tenantId).query((row, n) -> {
            String tenantName = row.getString("tenant_name");
            String role = row.getString("role");
            TenantSelection selection = tenantId == null || tenantName == null || role == null
                    ? null : new TenantSelection(tenantId, tenantName, Role.valueOf(role));
            return new Standing(OptionalLong.of(row.getLong("session_generation")), selection);
        }).optional().orElse(NO_ACCOUNT);
    }
}
