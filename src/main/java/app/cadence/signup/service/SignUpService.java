package app.cadence.signup.service;

import app.cadence.audit.domain.SecurityEventType;
import app.cadence.audit.service.SecurityLog;
import app.cadence.mail.domain.EmailKind;
import app.cadence.mail.service.Email;
import app.cadence.mail.service.Outbox;
import app.cadence.security.service.AttemptQuotas;
import app.cadence.security.service.AttemptQuotas.Quota;
import app.cadence.security.service.ClientAddress;
import app.cadence.security.service.PasswordPolicy;
import app.cadence.shared.EmailAddress;
import app.cadence.shared.PublicLinks;
import app.cadence.shared.SecretTokens;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.signup.domain.SignUpRequest;
import app.cadence.signup.domain.SignUpRequestRepository;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.CadenceUser;
import app.cadence.tenancy.service.Memberships;
import app.cadence.tenancy.service.TenantContext;
import app.cadence.tenancy.service.TenantProvisioning;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Self-service sign-up. The form never says whether the address already has an account (no
 * account enumeration): it always answers "check your inbox", and the email says what comes
 * next — confirm and create the organisation, or, for an existing account, sign in and create
 * it. Only the confirmation creates anything, so nobody can open an organisation in someone
 * else's name.
 */
@Service
public class SignUpService {

    /** What the confirmation link leads to. */
    public enum Status { READY, COMPLETED, EXPIRED }

    public record SignUpForm(String organisationName, String displayName, String email, String password) {
    }

    public record SignUpDetails(String organisationName, String email, Status status, boolean accountExists,
                                @Nullable String signedInEmail) {

        public boolean signedInAsRequester() {
            return email.equalsIgnoreCase(signedInEmail == null ? "" : signedInEmail);
        }
    }

    static final String UNKNOWN = "This link is not valid. Check that you copied the whole link from the email, or sign up again.";

    private final SignUpRequestRepository requests;
    private final TenantProvisioning provisioning;
    private final Memberships memberships;
    private final PasswordPolicy passwords;
    private final PasswordEncoder encoder;
    private final Outbox outbox;
    private final SecurityLog securityLog;
    private final PublicLinks links;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final boolean enabled;
    private final Duration validity;
    private final AttemptQuotas quotas;
    private final int perEmailPerHour;
    private final int perAddressPerHour;

    SignUpService(SignUpRequestRepository requests, TenantProvisioning provisioning, Memberships memberships,
                  PasswordPolicy passwords, PasswordEncoder encoder, Outbox outbox, SecurityLog securityLog, PublicLinks links,
                  TransactionTemplate transaction, Clock clock, @Value("${cadence.signup.enabled:true}") boolean enabled,
                  @Value("${cadence.signup.valid-for:P1D}") Duration validity, AttemptQuotas quotas,
                  @Value("${cadence.signup.max-per-email-per-hour:3}") int perEmailPerHour,
                  @Value("${cadence.signup.max-per-address-per-hour:10}") int perAddressPerHour) {
        this.requests = requests;
        this.provisioning = provisioning;
        this.memberships = memberships;
        this.passwords = passwords;
        this.encoder = encoder;
        this.outbox = outbox;
        this.securityLog = securityLog;
        this.links = links;
        this.transaction = transaction;
        this.clock = clock;
        this.enabled = enabled;
        this.validity = validity;
        this.quotas = quotas;
        this.perEmailPerHour = perEmailPerHour;
        this.perAddressPerHour = perAddressPerHour;
    }

    /** Off when an operator runs Cadence for invited organisations only ({@code cadence.signup.enabled=false}). */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Checks the form and sends the confirmation email; says nothing about whether the address has
     * an account. No transaction around it: the caps are claimed and committed in their own short
     * transaction, then the password is hashed outside any, then the request is stored in one.
     */
    public void request(SignUpForm form) {
        requireEnabled();
        String organisation = strip(form.organisationName());
        String name = strip(form.displayName());
        String email = strip(form.email());
        if (organisation.length() < 2 || organisation.length() > 120) {
            throw new RuleViolationException("organisationName", "Enter your organisation's name (2 to 120 characters).");
        }
        if (name.isEmpty() || name.length() > 120) {
            throw new RuleViolationException("displayName", "Enter your name as colleagues should see it (up to 120 characters).");
        }
        if (!EmailAddress.isValid(email)) {
            throw new RuleViolationException("email", "Enter your work email address, e.g. jane@initech.example.");
        }
        String password = form.password() == null ? "" : form.password();
        passwords.check(password, email, name);
        String normalised = email.toLowerCase(java.util.Locale.ROOT);
        // The caps are claimed before bcrypt and atomically (AttemptQuotas): parallel requests
        // can neither send more mails than the cap nor make the server hash passwords for nothing.
        Quota toInbox = new Quota("sign-up-email:" + normalised, perEmailPerHour, Duration.ofHours(1));
        String client = ClientAddress.ofCurrentRequest();
        List<Quota> caps = client == null ? List.of(toInbox)
                : List.of(new Quota("sign-up-client:" + client, perAddressPerHour, Duration.ofHours(1)), toInbox);
        Optional<Quota> refused = quotas.claim(caps);
        if (refused.isPresent() && !refused.get().equals(toInbox)) {
            throw new RuleViolationException(null, "Too many sign-ups have come from your network in the last hour. "
                    + "Try again in an hour, or ask a colleague who already works in Cadence to invite you.");
        }
        if (refused.isPresent()) {
            // Past the inbox's cap the answer stays the same, but no more mail goes to that inbox.
            return;
        }
        String hash = encoder.encode(password);
        transaction.executeWithoutResult(status -> {
            Instant now = clock.instant();
            String token = SecretTokens.newToken();
            requests.save(new SignUpRequest(SecretTokens.hash(token), organisation, email, name, hash, now.plus(validity), now));
            String link = links.to("signup/confirm/" + token);
            boolean existing = provisioning.findUserId(email).isPresent();
            String body = existing
                    ? "Someone — probably you — asked to create the organisation " + organisation + " on Cadence with this address.\n\n"
                      + "You already have a Cadence account. Open this link and sign in with your existing password to create it:\n"
                      + link + "\n\nThe password typed in the sign-up form was not used.\n"
                    : "Welcome to Cadence. Open this link to confirm your address and create " + organisation + ":\n" + link + "\n";
            outbox.enqueueWithoutTenant(new Email(EmailKind.SIGN_UP, email, "Confirm your Cadence sign-up",
                    body + "\nThe link works once, for " + validity.toHours() + " hours. If you did not sign up, ignore this email.\n", link,
                    now.plus(validity)));
        });
    }

    public Optional<SignUpDetails> look(String token) {
        requireEnabled();
        return transaction.execute(status -> find(token).map(r -> new SignUpDetails(r.getOrganisationName(), r.getEmail(),
                r.isCompleted() ? Status.COMPLETED : r.isExpired(clock.instant()) ? Status.EXPIRED : Status.READY,
                provisioning.findUserId(r.getEmail()).isPresent(), TenantContext.currentUser().map(CadenceUser::email).orElse(null))));
    }

    /** Confirms for an address without an account: creates the account, the organisation and its ADMIN membership. */
    public Long completeAsNewUser(String token) {
        requireEnabled();
        Long tenantId = transaction.execute(status -> {
            SignUpRequest request = ready(token);
            if (provisioning.findUserId(request.getEmail()).isPresent()) {
                throw new RuleViolationException(null, "An account already exists for " + request.getEmail() + ": sign in to continue.");
            }
            Long userId = provisioning.createUserWithHash(request.getEmail(), request.getDisplayName(), request.getPasswordHash());
            return create(request, userId);
        });
        return created(tenantId);
    }

    /** Confirms as the signed-in owner of the address. */
    public Long completeAsSignedIn(String token) {
        requireEnabled();
        CadenceUser user = TenantContext.currentUser().orElseThrow(() -> new AccessDeniedException("Sign in first."));
        Long tenantId = transaction.execute(status -> {
            SignUpRequest request = ready(token);
            if (!request.getEmail().equalsIgnoreCase(user.email())) {
                throw new RuleViolationException(null, "This sign-up is for " + request.getEmail() + ", and you are signed in as "
                        + user.email() + ". Sign out and sign in as " + request.getEmail() + " to continue.");
            }
            return create(request, user.userId());
        });
        return created(tenantId);
    }

    private Long create(SignUpRequest request, Long userId) {
        Long tenantId = provisioning.createTenantNamed(request.getOrganisationName());
        memberships.join(tenantId, userId, Role.ADMIN);
        request.complete(tenantId, clock.instant());
        securityLog.record(SecurityEventType.TENANT_SIGNED_UP, tenantId, request.getEmail(), request.getOrganisationName(),
                "First ADMIN: " + request.getEmail());
        return tenantId;
    }

    /** The starter templates follow from TenantCreated (template module), once the organisation is committed. */
    private static Long created(@Nullable Long tenantId) {
        if (tenantId == null) {
            throw new IllegalStateException("The organisation was not created");
        }
        return tenantId;
    }

    private SignUpRequest ready(String token) {
        SignUpRequest request = find(token).orElseThrow(() -> new RuleViolationException(null, UNKNOWN));
        if (request.isCompleted()) {
            throw new RuleViolationException(null, request.getOrganisationName() + " has already been created with this link. Sign in to work in it.");
        }
        if (request.isExpired(clock.instant())) {
            throw new RuleViolationException(null, "This link has expired. Sign up again to get a new one.");
        }
        return request;
    }

    private Optional<SignUpRequest> find(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return requests.findByTokenHash(SecretTokens.hash(token));
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new AccessDeniedException("Sign-up is switched off.");
        }
    }

    private static String strip(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
