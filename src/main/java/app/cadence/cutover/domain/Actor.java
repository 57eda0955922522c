package app.cadence.cutover.domain;

/**
 * Someone who acts on a run: the account that is checked (who may vote, whose step it is) and
 * the name shown in the log and the report, as it was at the time.
 */
public record Actor(long accountId, String name) {

    public boolean is(Actor other) {
        return accountId == other.accountId;
    }
}
