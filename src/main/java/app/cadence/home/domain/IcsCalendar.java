package app.cadence.home.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * Writes an iCalendar (RFC 5545) document: CRLF line ends, text escaped (backslash, comma,
 * semicolon, new lines) and lines folded at 75 octets without splitting a UTF-8 character.
 * Times are written in UTC; whole days as dates.
 */
public final class IcsCalendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final StringBuilder out = new StringBuilder();
    private final Instant stamp;

    public IcsCalendar(String name, Instant stamp) {
        this.stamp = stamp;
        line("BEGIN:VCALENDAR");
        line("VERSION:2.0");
        line("PRODID:-//Cadence//Calendar feed//EN");
        line("CALSCALE:GREGORIAN");
        line("METHOD:PUBLISH");
        line("X-WR-CALNAME:" + text(name));
    }

    /** An event at a moment (30 minutes long) or on a whole day. */
    public IcsCalendar event(String uid, String summary, @Nullable String description, Instant at, boolean wholeDay, @Nullable String url) {
        line("BEGIN:VEVENT");
        line("UID:" + text(uid));
        line("DTSTAMP:" + UTC.format(stamp));
        if (wholeDay) {
            LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
            line("DTSTART;VALUE=DATE:" + DATE.format(day));
            line("DTEND;VALUE=DATE:" + DATE.format(day.plusDays(1)));
        } else {
            line("DTSTART:" + UTC.format(at));
            line("DTEND:" + UTC.format(at.plusSeconds(30 * 60)));
        }
        line("SUMMARY:" + text(summary));
        if (description != null && !description.isBlank()) {
            line("DESCRIPTION:" + text(description));
        }
        if (url != null) {
            line("URL:" + url);
        }
        line("END:VEVENT");
        return this;
    }

    public String end() {
        line("END:VCALENDAR");
        return out.toString();
    }

    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    private void line(String content) {
        // Fold at 75 octets: continuation lines start with a space, which counts towards their 75.
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
