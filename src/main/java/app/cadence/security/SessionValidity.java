package app.cadence.security;

import app.cadence.security.service.SignInDetails;
import app.cadence.tenancy.service.MemberStandings;
import app.cadence.tenancy.service.TenantSelection;
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

    private final MemberStandings standings;
    private final Duration maxLifetime;
    private final Clock clock;

    SessionValidity(MemberStandings standings, Duration maxLifetime, Clock clock) {
        this.standings = standings;
        this.maxLifetime = maxLifetime;
        this.clock = clock;
    }

    /** Whether the session has ended, read at or after {@code neededSinceNanos} ({@link System#nanoTime()}). */
    boolean isEnded(CadenceAuthentication signedIn, long neededSinceNanos) {
        TenantSelection held = signedIn.selection();
        // Keyed like the membership check of the same request, which then shares this read.
        return isEnded(signedIn, standings.of(signedIn.getPrincipal().userId(), held == null ? null : held.tenantId(), neededSinceNanos)
                .sessionGeneration());
    }

    /** The same, given the account's session generation as just read (empty: no such account). */
    boolean isEnded(CadenceAuthentication signedIn, OptionalLong currentGeneration) {
        return isRevoked(signedIn, currentGeneration) || isTooOld(signedIn);
    }

    private boolean isTooOld(CadenceAuthentication signedIn) {
        return SignInDetails.signedInAt(signedIn).map(at -> at.plus(maxLifetime).isBefore(clock.instant())).orElse(true);
    }

    private static boolean isRevoked(CadenceAuthentication signedIn, OptionalLong current) {
        return current.isEmpty() || current.getAsLong() != SignInDetails.sessionGeneration(signedIn);
    }
}
