package app.cadence.home.service;

import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * One line of the home page: something of one organisation that needs the person, or is coming.
 *
 * @param when     when it is due or happens; none for an item without a due date
 * @param dateOnly {@code when} is a day (a go-live, an action's due date), not a moment
 * @param zone     the organisation's zone: the row's time is shown in it, labelled
 * @param target   the address that opens it, inside its organisation
 */
public record HomeRow(Long tenantId, String organisation, HomeRowKind kind, String title, String where, @Nullable Instant when,
                      boolean dateOnly, boolean overdue, ZoneId zone, String target) {
}
