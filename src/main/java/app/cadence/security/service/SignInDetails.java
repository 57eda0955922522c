package app.cadence.security.service;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The request details of a sign-in plus the account's session generation at that moment. Kept
 * in the authentication (and so in the session, and across tenant switches): a session whose
 * generation is older than the account's has been ended by "sign out everywhere" or a password
 * change, on whichever node it lives.
 */
public final class SignInDetails extends WebAuthenticationDetails {

    private final long sessionGeneration;

    SignInDetails(@Nullable String remoteAddress, @Nullable String sessionId, long sessionGeneration) {
        super(remoteAddress, sessionId);
        this.sessionGeneration = sessionGeneration;
    }

    static SignInDetails of(@Nullable Object details, long sessionGeneration) {
        if (details instanceof WebAuthenticationDetails web) {
            return new SignInDetails(web.getRemoteAddress(), web.getSessionId(), sessionGeneration);
        }
        return new SignInDetails(null, null, sessionGeneration);
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
        return o instanceof SignInDetails other && super.equals(other) && sessionGeneration == other.sessionGeneration;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Long.hashCode(sessionGeneration);
    }
}
