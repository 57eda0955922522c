package app.cadence.comms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cadence.comms.domain.HolidayFile;
import app.cadence.comms.domain.HolidayFile.Holiday;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Holidays imported from an iCalendar file: all-day events and runs of days, folded lines; a bad file refused whole, naming the line. */
class HolidayFileTest {

    static final String BANK_HOLIDAYS = String.join("\r\n",
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//example//bank holidays//EN",
            "BEGIN:VEVENT",
            "DTSTART;VALUE=DATE:20261225",
            "DTEND;VALUE=DATE:20261226",
            "SUMMARY:Christmas Day",
            "UID:1@example",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "DTSTART;VALUE=DATE:20261228",
            "SUMMARY:Boxing Day\\, substitute",
            "  day",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "DTSTART:20270101T000000Z",
            "DTEND:20270105T000000Z",
            "SUMMARY:Office closed",
            "END:VEVENT",
            "END:VCALENDAR",
            "");

    @Test
    void allDayEventsRunsOfDaysAndFoldedLinesBecomeHolidays() {
        assertThat(HolidayFile.parse(BANK_HOLIDAYS)).containsExactly(
                new Holiday(LocalDate.parse("2026-12-25"), "Christmas Day"),
                new Holiday(LocalDate.parse("2026-12-28"), "Boxing Day, substitute day"),
                new Holiday(LocalDate.parse("2027-01-01"), "Office closed"),
                new Holiday(LocalDate.parse("2027-01-02"), "Office closed"),
                new Holiday(LocalDate.parse("2027-01-03"), "Office closed"),
                new Holiday(LocalDate.parse("2027-01-04"), "Office closed"));
    }

    @Test
    void aBadFileIsRefusedWholeNamingTheLine() {
        assertThatThrownBy(() -> HolidayFile.parse("Date,Name\n2026-12-25,Christmas\n")).hasMessage("Line 1: not an iCalendar file: it must start with BEGIN:VCALENDAR.");
        assertThatThrownBy(() -> HolidayFile.parse(BANK_HOLIDAYS.replace("DTSTART;VALUE=DATE:20261228", "DTSTART;VALUE=DATE:2026-12-28")))
                .hasMessage("Line 11: “2026-12-28” is not a date (expected YYYYMMDD).");
        assertThatThrownBy(() -> HolidayFile.parse(BANK_HOLIDAYS.replace("DTSTART;VALUE=DATE:20261225\r\n", "")))
                .hasMessage("Line 4: the event has no DTSTART: which day is the holiday?");
        assertThatThrownBy(() -> HolidayFile.parse(BANK_HOLIDAYS.replace("UID:1@example", "RRULE:FREQ=YEARLY")))
                .hasMessage("Line 8: recurring events are not supported; use a file that lists each date.");
        assertThatThrownBy(() -> HolidayFile.parse(BANK_HOLIDAYS.substring(0, BANK_HOLIDAYS.indexOf("END:VCALENDAR"))))
                .hasMessageContaining("does not end with END:VCALENDAR");
        assertThatThrownBy(() -> HolidayFile.parse(BANK_HOLIDAYS.replace("UID:1@example\r\nEND:VEVENT", "UID:1@example")))
                .hasMessage("Line 9: an event begins inside the event of line 4.");
        assertThatThrownBy(() -> HolidayFile.parse(BANK_HOLIDAYS.replace("DTEND;VALUE=DATE:20261226", "DTEND;VALUE=DATE:20261201")))
                .hasMessage("Line 4: the event ends (DTEND) before it starts.");
    }

    @Test
    void aFileOfTooManyEventsIsRefused() {
        StringBuilder file = new StringBuilder("BEGIN:VCALENDAR\n");
        LocalDate day = LocalDate.parse("2000-01-01");
        for (int i = 0; i <= HolidayFile.MAX_EVENTS; i++) {
            file.append("BEGIN:VEVENT\nDTSTART;VALUE=DATE:").append(day.plusDays(i).toString().replace("-", "")).append("\nEND:VEVENT\n");
        }
        file.append("END:VCALENDAR\n");
        assertThatThrownBy(() -> HolidayFile.parse(file.toString())).hasMessageContaining("more than " + HolidayFile.MAX_EVENTS + " events");
    }
}
