package app.cadence.shared;

import java.time.Instant;

/**
 * A feature's single-use secrets (password-reset links, invitations, sign-up requests) that no
 * longer work: the scheduled purge deletes them once they have stopped working for the retention
 * period (docs/security.md#secrets-at-rest-and-retention). Each feature deletes from its own
 * table; the purge only says when.
 */
public interface ExpiredRecords {

    /** What the records are, for the log, e.g. "password-reset links". */
    String description();

    /**
     * Deletes the records that stopped working (used, withdrawn or expired) before
     * {@code cutoff}, and returns how many. Runs inside the purge's transaction.
     */
    int deleteStoppedWorkingBefore(Instant cutoff);
}
