package app.cadence.work.service;

import java.time.LocalDate;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The organisation's working days as planning an instance asks for them: the comms module's calendar, or Monday to Friday without it. */
@Component
class OrganisationWorkingDays {

    private final ObjectProvider<WorkingDays> workingDays;

    OrganisationWorkingDays(ObjectProvider<WorkingDays> workingDays) {
        this.workingDays = workingDays;
    }

    Predicate<LocalDate> current() {
        WorkingDays days = workingDays.getIfAvailable();
        if (days == null) {
            return d -> d.getDayOfWeek().getValue() <= 5;
        }
        // Read on first use only: most templates do not follow the calendar and never ask.
        return new Predicate<>() {
            private @Nullable Predicate<LocalDate> loaded;

            @Override
            public boolean test(LocalDate day) {
                if (loaded == null) {
                    loaded = days.current();
                }
                return loaded.test(day);
            }
        };
    }
}
