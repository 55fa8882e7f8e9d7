package io.dataload.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fire times around both 2026 daylight-saving changes in Zurich: exactly one fire a day, at the documented instant. */
class FireTimesTest {
    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

    private static List<String> fires(String cron, String from, int count) {
        FireTimes times = FireTimes.of(cron, ZURICH);
        List<String> out = new ArrayList<>();
        Instant at = Instant.parse(from);
        for (int i = 0; i < count; i++) {
            ZonedDateTime next = times.next(at).orElseThrow();
            out.add(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(next));
            at = next.toInstant();
        }
        return out;
    }

    @Test
    void theSpringGapFiresOnceAtItsEnd() {
        assertEquals(List.of("2026-03-28T02:30:00+01:00", "2026-03-29T03:00:00+02:00", "2026-03-30T02:30:00+02:00"),
                fires("30 2 * * *", "2026-03-27T12:00:00Z", 3));
    }

    @Test
    void theAutumnRepeatFiresOnceAtItsFirstOccurrence() {
        assertEquals(List.of("2026-10-24T02:30:00+02:00", "2026-10-25T02:30:00+02:00", "2026-10-26T02:30:00+01:00"),
                fires("30 2 * * *", "2026-10-23T12:00:00Z", 3));
        // starting inside the repeated hour, after its first 02:30: the next fire is the next day's
        assertEquals(List.of("2026-10-26T02:30:00+01:00"), fires("30 2 * * *", "2026-10-25T01:10:00Z", 1));
    }

    @Test
    void anHourlyJobKeepsOneFireAnHourAcrossBothChanges() {
        assertEquals(List.of("2026-03-29T01:00:00+01:00", "2026-03-29T03:00:00+02:00", "2026-03-29T04:00:00+02:00"),
                fires("@hourly", "2026-03-28T23:30:00Z", 3));
        assertEquals(List.of("2026-10-25T02:00:00+02:00", "2026-10-25T03:00:00+01:00"),
                fires("0 * * * *", "2026-10-24T23:30:00Z", 2));
    }

    @Test
    void badLinesSayWhy() {
        assertThrows(IllegalArgumentException.class, () -> FireTimes.of("30 2 * *", ZURICH));
        assertThrows(IllegalArgumentException.class, () -> FireTimes.of("@sometimes", ZURICH));
        assertThrows(IllegalArgumentException.class, () -> FireTimes.of("61 2 * * *", ZURICH));
    }
}
