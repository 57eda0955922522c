package app.cadence.home;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.home.domain.IcsCalendar;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The feed's iCalendar text: escaped, folded at 75 octets without splitting a character, dates and times as RFC 5545 says. */
class IcsCalendarTest {

    @Test
    void eventsAreEscapedFoldedAndDated() {
        String title = "Go-live; data load, part 2 \\ ünïcödé ✓ " + "long ".repeat(20);
        String ics = new IcsCalendar("Cadence", Instant.parse("2026-12-05T08:00:00Z"))
                .event("item-1@cadence", title, "line one\nline two", Instant.parse("2026-12-07T14:30:00Z"), false, "https://cadence.example/instances/1")
                .event("golive-2@cadence", "Goes live", null, Instant.parse("2026-12-10T00:00:00Z"), true, null)
                .end();

        assertThat(ics).contains("\r\n").doesNotContain("\n\n");
        assertThat(ics.split("\r\n")).allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).contains("SUMMARY:Go-live\\; data load\\, part 2 \\\\ ünïcödé ✓ long")
                .contains("DESCRIPTION:line one\\nline two")
                .contains("DTSTART:20261207T143000Z").contains("DTEND:20261207T150000Z")
                .contains("DTSTART;VALUE=DATE:20261210").contains("DTEND;VALUE=DATE:20261211")
                .contains("DTSTAMP:20261205T080000Z");
        assertThat(new String(ics.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(ics);
    }
}
