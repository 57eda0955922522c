package app.cadence.work.service;

import java.time.LocalDate;
import java.util.function.Predicate;
import org.springframework.modulith.NamedInterface;

/**
 * The organisation's working days, as applying a runbook that follows the working calendar needs
 * them. Declared here and implemented by the comms module, which owns the calendar (it depends on
 * this module, not the other way round); without it, Monday to Friday.
 */
@NamedInterface("api")
public interface WorkingDays {

    /** The current organisation's working days as they stand now: read once, asked for every step. */
    Predicate<LocalDate> current();
}
