package app.cadence.comms.service;

import app.cadence.comms.domain.WorkingCalendar;
import app.cadence.work.service.WorkingDays;
import java.time.LocalDate;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/** The work module's view of the organisation's working calendar: what a runbook that follows it moves steps off. */
@Component
class CalendarWorkingDays implements WorkingDays {

    private final CommsPlanning planning;

    CalendarWorkingDays(CommsPlanning planning) {
        this.planning = planning;
    }

    @Override
    public Predicate<LocalDate> current() {
        WorkingCalendar calendar = planning.calendar();
        return calendar::isWorkingDay;
    }
}
