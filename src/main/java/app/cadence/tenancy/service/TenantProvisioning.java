package app.cadence.tenancy.service;

import app.cadence.tenancy.domain.Membership;
import app.cadence.tenancy.domain.MembershipRepository;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.domain.Tenant;
import app.cadence.tenancy.domain.TenantRepository;
import app.cadence.tenancy.domain.UserAccount;
import app.cadence.tenancy.domain.UserAccountRepository;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.security.crypto.password.PasswordEncoder;
import app.cadence.tenancy.events.TenantCreated;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.modulith.NamedInterface;

/**
 * Creates tenants, accounts and memberships. Used by the demo seeder and tests today; the
 * sign-up, invitation and operator screens will call it behind their own authorisation.
 */
@NamedInterface("api")
@Service
@Transactional
public class TenantProvisioning {

    private final TenantRepository tenants;
    private final UserAccountRepository users;
    private final MembershipRepository memberships;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final TenantSettings settings;

    private final ApplicationEventPublisher events;

    TenantProvisioning(TenantRepository tenants, UserAccountRepository users, MembershipRepository memberships,
                       PasswordEncoder passwordEncoder, Clock clock, TenantSettings settings, ApplicationEventPublisher events) {
        this.events = events;
        this.settings = settings;
        this.tenants = tenants;
        this.users = users;
        this.memberships = memberships;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    public Long createTenant(String slug, String name) {
        return tenants.save(new Tenant(slug, name, clock.instant())).getId();
    }

    public void changeTimeZone(Long tenantId, ZoneId zone) {
        tenants.findById(tenantId).orElseThrow().changeTimeZone(zone);
        settings.forget(tenantId);
    }

    /** Creates a tenant named by people, with an address-safe slug derived from the name and made unique. */
    /** An organisation opened by its first ADMIN through sign-up: announced, so that its starter library follows. */
    public Long createTenantNamed(String name) {
        Long tenantId = createTenant(TenantSlugs.unique(name, tenants), name.strip());
        events.publishEvent(new TenantCreated(tenantId, name.strip()));
        return tenantId;
    }

    /** An account whose password was hashed earlier, e.g. when its owner signed up and then confirmed their address. */
    public Long createUserWithHash(String email, String displayName, String passwordHash) {
        return users.save(new UserAccount(email, displayName, passwordHash, clock.instant())).getId();
    }

    public java.util.Optional<Long> findUserId(String email) {
        return users.findByEmail(UserAccount.normaliseEmail(email)).map(UserAccount::getId);
    }

    public String tenantName(Long tenantId) {
        return tenants.findById(tenantId).orElseThrow().getName();
    }

    public boolean tenantExists(String slug) {
        return tenants.findBySlug(slug).isPresent();
    }

    /** Creates the account, or returns the existing one with that email. */
    public Long createUser(String email, String displayName, String rawPassword) {
        return users.findByEmail(UserAccount.normaliseEmail(email))
                .orElseGet(() -> users.save(new UserAccount(email, displayName, passwordEncoder.encode(rawPassword), clock.instant())))
                .getId();
    }

    public void addMember(Long tenantId, Long userId, Role role) {
        memberships.save(new Membership(tenants.getReferenceById(tenantId), users.getReferenceById(userId), role, clock.instant()));
    }
}
