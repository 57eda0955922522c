package app.cadence.shared.domain;

/**
 * A record that does not exist, or that belongs to another tenant: the two are deliberately
 * indistinguishable to the caller.
 */
public class RecordNotFoundException extends RuntimeException {

    public RecordNotFoundException(String what, Object id) {
        super(what + " " + id + " was not found.");
    }
}
