package app.cadence.security.service;

import app.cadence.audit.domain.SecurityEventType;
import app.cadence.mail.domain.EmailKind;
import app.cadence.mail.service.Email;
import app.cadence.mail.service.Outbox;
import app.cadence.security.domain.PasswordResetToken;
import app.cadence.security.domain.PasswordResetTokenRepository;
import app.cadence.shared.PublicLinks;
import app.cadence.shared.SecretTokens;
import app.cadence.shared.domain.RuleViolationException;
import app.cadence.tenancy.service.AccountRecords;
import app.cadence.tenancy.service.AccountRecords.AccountProfile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Forgot your password?": a single-use link, valid for a while, sent by email. Anyone may ask,
 * so the answer never tells whether an account exists; only the SHA-256 hash of a token is
 * stored, so a copy of the database resets nobody's password.
 */
@Service
public class PasswordReset {

    /** The same for an expired, used, mistyped or never-issued link: none of these is worth telling apart. */
    public static final String LINK_NOT_USABLE = "This link to reset your password has expired or has already been used. "
            + "Ask for a new one: each link works once, for a limited time.";

    private static final Logger log = LoggerFactory.getLogger(PasswordReset.class);

    private final PasswordResetTokenRepository tokens;
    private final AccountRecords accounts;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final Outbox outbox;
    private final PublicLinks links;
    private final AccountEventLog accountLog;
    private final PasswordResetProperties properties;
    private final Clock clock;

    PasswordReset(PasswordResetTokenRepository tokens, AccountRecords accounts, PasswordPolicy policy, PasswordEncoder encoder,
                  Outbox outbox, PublicLinks links, AccountEventLog accountLog, PasswordResetProperties properties, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.policy = policy;
        this.encoder = encoder;
        this.outbox = outbox;
        this.links = links;
        this.accountLog = accountLog;
        this.properties = properties;
        this.clock = clock;
    }

    /** How long a link works, for the page that tells the person to check their mail. */
    public Duration linkValidity() {
        return properties.validFor();
    }

    /**
     * Sends a reset link when an enabled account has this email and the caps allow it; otherwise
     * does nothing. Either way the caller shows the same answer, and the work done is alike (a
     * token is drawn and hashed, the same counts are queried), so neither the page nor the time
     * it takes tells whether the address has an account.
     */
    @Transactional
    public void requestLink(@Nullable String email) {
        Instant now = clock.instant();
        String token = SecretTokens.newToken();
        String hash = SecretTokens.hash(token);
        String address = ClientAddress.ofCurrentRequest();
        Optional<AccountProfile> account = email == null || email.isBlank() || email.length() > 254
                ? Optional.empty() : accounts.findEnabledByEmail(email);
        long usable = tokens.countUsable(account.map(AccountProfile::userId).orElse(-1L), now);
        long fromAddress = address == null ? 0 : tokens.countRequestedFrom(address, now.minus(Duration.ofHours(1)));
        if (account.isEmpty()) {
            return;
        }
        AccountProfile person = account.get();
        if (usable >= properties.maxUsablePerAccount() || fromAddress >= properties.maxPerAddressPerHour()) {
            log.info("Password reset for {} from {} not sent: {} usable links, {} requests from the address this hour",
                    person.email(), address, usable, fromAddress);
            accountLog.record(SecurityEventType.PASSWORD_RESET_REQUESTED, person.userId(), person.email(),
                    "Not sent: too many requests");
            return;
        }
        tokens.save(new PasswordResetToken(person.userId(), hash, now, now.plus(properties.validFor()), address));
        String link = links.to("reset-password/" + token);
        outbox.enqueueWithoutTenant(new Email(EmailKind.PASSWORD_RESET, person.email(), "Reset your Cadence password",
                body(person, link), link, now.plus(properties.validFor())));
        accountLog.record(SecurityEventType.PASSWORD_RESET_REQUESTED, person.userId(), person.email(), "Link sent by email");
    }

    /** Whether the link can still set a password: shown before the form is filled in. */
    @Transactional(readOnly = true)
    public boolean isUsable(@Nullable String token) {
        return token != null && !token.isBlank()
                && tokens.findByTokenHash(SecretTokens.hash(token)).filter(t -> t.isUsable(clock.instant())).isPresent();
    }

    /**
     * Sets the new password, uses up the link (and any other link of the person) and ends every
     * session of the person, wherever it is. Throws with {@link #LINK_NOT_USABLE} (field null)
     * when the link cannot be used, or a field's message when the password is refused.
     */
    @Transactional
    public void resetPassword(@Nullable String token, @Nullable String newPassword, @Nullable String confirmation) {
        Instant now = clock.instant();
        PasswordResetToken reset = (token == null || token.isBlank() ? Optional.<PasswordResetToken>empty()
                : tokens.findForUpdate(SecretTokens.hash(token)))
                .filter(t -> t.isUsable(now))
                .orElseThrow(() -> new RuleViolationException(null, LINK_NOT_USABLE));
        AccountProfile person = accounts.profile(reset.getUserId());
        policy.check(newPassword, person.email(), person.displayName());
        if (!newPassword.equals(confirmation)) {
            throw new RuleViolationException("confirmation", "The two passwords differ. Type the new password again here.");
        }
        reset.markUsed(now);
        tokens.useAll(person.userId(), now);
        accounts.changePassword(person.userId(), encoder.encode(newPassword));
        accountLog.record(SecurityEventType.PASSWORD_RESET, person.userId(), person.email(), "Every session signed out");
    }

    private String body(AccountProfile person, String link) {
        long minutes = properties.validFor().toMinutes();
        return "Hello " + person.displayName() + ",\n\n"
                + "someone, hopefully you, asked to reset the password of your Cadence account " + person.email() + ".\n\n"
                + "To choose a new password, open this link within " + minutes + " minutes:\n\n"
                + link + "\n\n"
                + "The link works once. Setting a new password signs you out on every device.\n\n"
                + "If you did not ask for this, ignore this email: your password stays as it is.\n";
    }
}
