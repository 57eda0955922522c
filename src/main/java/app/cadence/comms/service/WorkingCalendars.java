package app.cadence.comms.service;

import app.cadence.comms.domain.CalendarSettings;
import app.cadence.comms.domain.CalendarSettingsRepository;
import app.cadence.comms.domain.CommsRuleException;
import app.cadence.comms.domain.Holiday;
import app.cadence.comms.domain.HolidayFile;
import app.cadence.comms.domain.HolidayRepository;
import app.cadence.comms.domain.WorkingCalendar;
import app.cadence.shared.domain.RecordNotFoundException;
import app.cadence.tenancy.domain.RoleSets;
import app.cadence.tenancy.service.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation's working calendar: its working weekdays (Monday to Friday until changed) and
 * its holidays, entered one by one or imported from an iCalendar file. Everyone reads it; ADMIN
 * and PMO change it, and every change re-plans the communications still to come (never those past,
 * drafted, sent or skipped).
 */
@NamedInterface("api")
@Service
public class WorkingCalendars {

    /** The calendar as the settings screen shows it. */
    public record CalendarView(Set<DayOfWeek> workingDays, long version, List<HolidayView> holidays) {
    }

    public record HolidayView(Long id, LocalDate day, String name) {
    }

    /** What an import would do: the holidays it adds, and those already there (by day) that it leaves alone. */
    public record ImportPreview(List<HolidayFile.Holiday> added, List<HolidayFile.Holiday> alreadyThere) {
    }

    private final CalendarSettingsRepository settings;
    private final HolidayRepository holidays;
    private final CommsPlanning planning;

    WorkingCalendars(CalendarSettingsRepository settings, HolidayRepository holidays, CommsPlanning planning) {
        this.settings = settings;
        this.holidays = holidays;
        this.planning = planning;
    }

    @RolesAllowed(RoleSets.MEMBERS)
    @Transactional(readOnly = true)
    public CalendarView view() {
        Long tenantId = TenantContext.requireTenantId();
        CalendarSettings stored = settings.findForTenant(tenantId).orElse(null);
        return new CalendarView(stored == null ? WorkingCalendar.WEEKDAYS.workingDays() : stored.workingDays(),
                stored == null ? -1 : stored.getVersion(),
                holidays.findForTenant(tenantId).stream().map(h -> new HolidayView(h.getId(), h.getDay(), h.getName())).toList());
    }

    /** Sets the working weekdays; {@code version} is the one read (-1: none stored yet). Returns how many communications moved. */
    @RolesAllowed(RoleSets.PORTFOLIO_OFFICE)
    @Transactional
    public int setWorkingDays(Set<DayOfWeek> days, long version) {
        Long tenantId = TenantContext.requireTenantId();
        CalendarSettings stored = settings.findForTenant(tenantId).orElse(null);
        if (stored == null) {
            if (version != -1) {
                throw new CommsRuleException("Someone else changed the working days meanwhile: reload to see their change, then make yours.");
            }
            settings.save(new CalendarSettings(days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days)));
        } else {
            if (stored.getVersion() != version) {
                throw new CommsRuleException("Someone else changed the working days meanwhile: reload to see their change, then make yours.");
            }
            stored.setWorkingDays(days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days));
        }
        settings.flush();
        return planning.replanTenant();
    }

    @RolesAllowed(RoleSets.PORTFOLIO_OFFICE)
    @Transactional
    public int addHoliday(LocalDate day, String name) {
        Long tenantId = TenantContext.requireTenantId();
        if (holidays.daysOf(tenantId).contains(day)) {
            throw new CommsRuleException("day", day + " is already a holiday.");
        }
        holidays.saveAndFlush(new Holiday(day, name));
        return planning.replanTenant();
    }

    @RolesAllowed(RoleSets.PORTFOLIO_OFFICE)
    @Transactional
    public int removeHoliday(Long id) {
        Holiday holiday = holidays.findInTenant(id, TenantContext.requireTenantId())
                .orElseThrow(() -> new RecordNotFoundException("Holiday", id));
        holidays.delete(holiday);
        holidays.flush();
        return planning.replanTenant();
    }

    /** Reads an iCalendar file without changing anything; a bad file is refused whole, naming the line. */
    @RolesAllowed(RoleSets.PORTFOLIO_OFFICE)
    @Transactional(readOnly = true)
    public ImportPreview previewImport(String icsContent) {
        Set<LocalDate> existing = new HashSet<>(holidays.daysOf(TenantContext.requireTenantId()));
        List<HolidayFile.Holiday> read = HolidayFile.parse(icsContent);
        return new ImportPreview(read.stream().filter(h -> !existing.contains(h.day())).toList(),
                read.stream().filter(h -> existing.contains(h.day())).toList());
    }

    /** Adds the file's holidays not there yet; returns how many were added. */
    @RolesAllowed(RoleSets.PORTFOLIO_OFFICE)
    @Transactional
    public int importHolidays(String icsContent) {
        ImportPreview preview = previewImport(icsContent);
        preview.added().forEach(h -> holidays.save(new Holiday(h.day(), h.name())));
        holidays.flush();
        planning.replanTenant();
        return preview.added().size();
    }

    /** The current tenant's calendar, for planning. */
    @Transactional(readOnly = true)
    public WorkingCalendar calendar() {
        return planning.calendar();
    }
}
