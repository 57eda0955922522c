package app.cadence.comms.domain;

import app.cadence.shared.domain.RuleViolationException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An organisation's holidays from an iCalendar file (RFC 5545), as public-holiday feeds publish
 * them: one all-day event per holiday (or per run of days, DTEND exclusive), its SUMMARY the name.
 * Strict: a bad file is refused whole, the error naming the line; nothing is imported from it.
 * Recurring events (RRULE) are refused rather than guessed: holiday feeds list each year's dates.
 */
public final class HolidayFile {

    /** A holiday file lists a few years of dates: more events than this is not one. */
    public static final int MAX_EVENTS = 2_000;
    /** A run of days off longer than this is a mistake in the file, not a holiday. */
    public static final int LONGEST_HOLIDAY_DAYS = 31;

    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    public record Holiday(LocalDate day, String name) {
    }

    /** A problem of the file, on a line (1-based, as an editor numbers them). */
    public static final class HolidayFileException extends RuleViolationException {
        private final int line;

        HolidayFileException(int line, String message) {
            super("file", "Line " + line + ": " + message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private HolidayFile() {
    }

    /** Every day off the file names, in file order (a run of days gives a holiday per day). */
    public static List<Holiday> parse(String content) {
        List<String[]> lines = unfold(content);
        if (lines.isEmpty() || !"BEGIN:VCALENDAR".equalsIgnoreCase(lines.getFirst()[1].strip())) {
            throw new HolidayFileException(1, "not an iCalendar file: it must start with BEGIN:VCALENDAR.");
        }
        List<Holiday> holidays = new ArrayList<>();
        int events = 0;
        int eventStart = 0;
        @Nullable LocalDate start = null;
        @Nullable LocalDate end = null;
        @Nullable String name = null;
        boolean inEvent = false;
        boolean ended = false;
        for (String[] entry : lines) {
            int line = Integer.parseInt(entry[0]);
            String text = entry[1];
            if (text.isBlank()) {
                continue;
            }
            int colon = text.indexOf(':');
            if (colon < 0) {
                throw new HolidayFileException(line, "expected NAME:value, found “" + abbreviate(text) + "”.");
            }
            String property = text.substring(0, colon);
            String key = (property.contains(";") ? property.substring(0, property.indexOf(';')) : property).toUpperCase(java.util.Locale.ROOT);
            String value = text.substring(colon + 1).strip();
            if (ended) {
                throw new HolidayFileException(line, "nothing may follow END:VCALENDAR.");
            }
            switch (key) {
                case "BEGIN" -> {
                    if (value.equalsIgnoreCase("VEVENT")) {
                        if (inEvent) {
                            throw new HolidayFileException(line, "an event begins inside the event of line " + eventStart + ".");
                        }
                        inEvent = true;
                        eventStart = line;
                        start = null;
                        end = null;
                        name = null;
                        if (++events > MAX_EVENTS) {
                            throw new HolidayFileException(line, "more than " + MAX_EVENTS + " events; import a few years at a time.");
                        }
                    }
                }
                case "END" -> {
                    if (value.equalsIgnoreCase("VEVENT")) {
                        if (!inEvent) {
                            throw new HolidayFileException(line, "END:VEVENT without BEGIN:VEVENT.");
                        }
                        if (start == null) {
                            throw new HolidayFileException(eventStart, "the event has no DTSTART: which day is the holiday?");
                        }
                        LocalDate last = end == null ? start : end.minusDays(1);
                        if (last.isBefore(start)) {
                            throw new HolidayFileException(eventStart, "the event ends (DTEND) before it starts.");
                        }
                        if (last.toEpochDay() - start.toEpochDay() >= LONGEST_HOLIDAY_DAYS) {
                            throw new HolidayFileException(eventStart, "the event lasts more than " + LONGEST_HOLIDAY_DAYS + " days.");
                        }
                        String holiday = name == null || name.isBlank() ? "Holiday" : name;
                        for (LocalDate day = start; !day.isAfter(last); day = day.plusDays(1)) {
                            holidays.add(new Holiday(day, holiday));
                        }
                        inEvent = false;
                    } else if (value.equalsIgnoreCase("VCALENDAR")) {
                        if (inEvent) {
                            throw new HolidayFileException(eventStart, "the event is not closed with END:VEVENT.");
                        }
                        ended = true;
                    }
                }
                case "DTSTART" -> {
                    if (inEvent) {
                        start = day(value, line);
                    }
                }
                case "DTEND" -> {
                    if (inEvent) {
                        end = day(value, line);
                    }
                }
                case "SUMMARY" -> {
                    if (inEvent) {
                        name = unescape(value);
                    }
                }
                case "RRULE", "RDATE" -> {
                    if (inEvent) {
                        throw new HolidayFileException(line, "recurring events are not supported; use a file that lists each date.");
                    }
                }
                default -> {
                }
            }
        }
        if (inEvent) {
            throw new HolidayFileException(eventStart, "the event is not closed with END:VEVENT.");
        }
        if (!ended) {
            throw new HolidayFileException(Integer.parseInt(lines.getLast()[0]), "the file does not end with END:VCALENDAR (cut short?).");
        }
        return List.copyOf(holidays);
    }

    /** A DATE (20261225) or the date of a DATE-TIME (20261225T000000Z): a holiday is a day. */
    private static LocalDate day(String value, int line) {
        String date = value.length() >= 8 ? value.substring(0, 8) : value;
        try {
            return LocalDate.parse(date, BASIC_DATE);
        } catch (DateTimeParseException e) {
            throw new HolidayFileException(line, "“" + abbreviate(value) + "” is not a date (expected YYYYMMDD).");
        }
    }

    /**
     * Physical lines with their numbers, continuation lines (starting with a space or a tab)
     * joined to the line they continue, which keeps its own number.
     */
    private static List<String[]> unfold(String content) {
        List<String[]> lines = new ArrayList<>();
        String[] physical = content.split("\r\n|\n|\r", -1);
        for (int i = 0; i < physical.length; i++) {
            String text = physical[i];
            if (!lines.isEmpty() && (text.startsWith(" ") || text.startsWith("\t"))) {
                String[] last = lines.getLast();
                last[1] = last[1] + text.substring(1);
            } else if (i < physical.length - 1 || !text.isEmpty()) {
                lines.add(new String[] {String.valueOf(i + 1), text});
            }
        }
        return lines;
    }

    private static String unescape(String value) {
        return value.replace("\\n", " ").replace("\\N", " ").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\").strip();
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 39) + "…";
    }
}
