package app.cadence.security.service;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The request details of a sign-in plus the account's session generation and the time at that
 * moment. Kept in the authentication (and so in the session, and across tenant switches): a
 * session whose generation is older than the account's has been ended by "sign out everywhere"
 * or a password change, and a session older than the absolute lifetime has ended too, on
 * whichever node it lives.
 */
public final class SignInDetails extends WebAuthenticationDetails {

    private final long sessionGeneration;
    private final @Nullable Instant signedInAt;

    SignInDetails(@Nullable String remoteAddress, @Nullable String sessionId, long sessionGeneration, @Nullable Instant signedInAt) {
        super(remoteAddress, sessionId);
        this.sessionGeneration = sessionGeneration;
        this.signedInAt = signedInAt;
    }

    static SignInDetails atSignIn(@Nullable Object details, long sessionGeneration, Instant now) {
        if (details instanceof WebAuthenticationDetails web) {
            return new SignInDetails(web.getRemoteAddress(), web.getSessionId(), sessionGeneration, now);
        }
        return new SignInDetails(null, null, sessionGeneration, now);
    }

    /** The same sign-in moved to a new generation: a password change does not extend the session's life. */
    static SignInDetails restamped(Authentication current, long sessionGeneration) {
        Object details = current.getDetails();
        if (details instanceof SignInDetails signIn) {
            return new SignInDetails(signIn.getRemoteAddress(), signIn.getSessionId(), sessionGeneration, signIn.signedInAt);
        }
        if (details instanceof WebAuthenticationDetails web) {
            return new SignInDetails(web.getRemoteAddress(), web.getSessionId(), sessionGeneration, null);
        }
        return new SignInDetails(null, null, sessionGeneration, null);
    }

    /** When the session signed in; empty for an authentication made some other way, which counts as too old. */
    public static Optional<Instant> signedInAt(Authentication authentication) {
        return authentication.getDetails() instanceof SignInDetails details ? Optional.ofNullable(details.signedInAt) : Optional.empty();
    }

    /**
     * The generation the session signed in with. Sessions that predate this stamp count as
     * generation 0, which every account starts with: they live until the first password change.
     */
    public static long sessionGeneration(Authentication authentication) {
        return authentication.getDetails() instanceof SignInDetails details ? details.sessionGeneration : 0L;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignInDetails other && super.equals(other) && sessionGeneration == other.sessionGeneration
                && java.util.Objects.equals(signedInAt, other.signedInAt);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Long.hashCode(sessionGeneration);
    }
}
