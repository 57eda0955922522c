package app.cadence.security;

import app.cadence.security.service.SignInDetails;
import app.cadence.tenancy.service.AccountRecords;
import app.cadence.tenancy.service.CadenceAuthentication;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Whether a signed-in session still stands: not ended by "sign out everywhere", a password change
 * or a reset (its generation is the account's), and younger than the absolute lifetime. Asked on
 * every request ({@link SessionRevocationFilter}) and before a screen is refreshed in a push
 * ({@link UnchangedMemberRefreshes}).
 */
final class SessionValidity {

    private final AccountRecords accounts;
    private final Duration maxLifetime;
    private final Clock clock;

    SessionValidity(AccountRecords accounts, Duration maxLifetime, Clock clock) {
        this.accounts = accounts;
        this.maxLifetime = maxLifetime;
        this.clock = clock;
    }

    boolean isEnded(CadenceAuthentication signedIn) {
        return isEnded(signedIn, accounts.sessionGeneration(signedIn.getPrincipal().userId()));
    }

    /** The same, given the account's session generation as just read (empty: no such account). */
    boolean isEnded(CadenceAuthentication signedIn, OptionalLong currentGeneration) {
        return isRevoked(signedIn, currentGeneration) || isTooOld(signedIn);
    }

    /** The account's session generation now: what {@link #isEnded(CadenceAuthentication, OptionalLong)} compares with. */
    OptionalLong currentGeneration(Long userId) {
        return accounts.sessionGeneration(userId);
    }

    private boolean isTooOld(CadenceAuthentication signedIn) {
        return SignInDetails.signedInAt(signedIn).map(at -> at.plus(maxLifetime).isBefore(clock.instant())).orElse(true);
    }

    private static boolean isRevoked(CadenceAuthentication signedIn, OptionalLong current) {
        return current.isEmpty() || current.getAsLong() != SignInDetails.sessionGeneration(signedIn);
    }
}
