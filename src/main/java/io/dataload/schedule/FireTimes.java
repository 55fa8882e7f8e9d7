package io.dataload.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * When a cron line fires in a time zone. The line is read by cron-utils (Unix definition: 5 fields,
 * plus {@code @hourly}, {@code @daily}, {@code @weekly}, {@code @monthly}); cron-utils finds the next
 * matching wall-clock time, and this class decides which instant that is around daylight-saving
 * changes: a wall time that does not exist that day fires once, at the first instant after the gap;
 * a wall time that exists twice fires once, at its first occurrence.
 */
public final class FireTimes {
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final Map<String, String> SHORTCUTS = Map.of("@hourly", "0 * * * *", "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *", "@weekly", "0 0 * * 0", "@monthly", "0 0 1 * *", "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *");

    private final String text;
    private final ExecutionTime wallClock;
    private final ZoneId zone;

    private FireTimes(String text, Cron cron, ZoneId zone) {
        this.text = text;
        this.wallClock = ExecutionTime.forCron(cron);
        this.zone = zone;
    }

    /** Parses a cron line; IllegalArgumentException with cron-utils' reason when it is not one. */
    public static FireTimes of(String line, ZoneId zone) {
        String text = line.strip();
        String expanded = SHORTCUTS.getOrDefault(text.toLowerCase(Locale.ROOT), text);
        if (expanded.startsWith("@")) {
            throw new IllegalArgumentException("unknown shortcut " + text + "; use @hourly, @daily, @weekly, @monthly"
                    + " or @yearly, or 5 fields");
        }
        if (expanded.split("\\s+").length != 5) {
            throw new IllegalArgumentException("a cron line has 5 fields (minute hour day-of-month month day-of-week),"
                    + " found " + expanded.split("\\s+").length + " in \"" + text + "\"");
        }
        return new FireTimes(text, PARSER.parse(expanded), zone);
    }

    public ZoneId zone() {
        return zone;
    }

    @Override
    public String toString() {
        return text + " (" + zone + ")";
    }

    /** The first fire strictly after {@code after}, or empty when the line never fires again. */
    public Optional<ZonedDateTime> next(Instant after) {
        // cron-utils walks wall-clock time: give it the local time as if in UTC, where no day has a gap
        LocalDateTime local = LocalDateTime.ofInstant(after, zone);
        for (int guard = 0; guard < 100_000; guard++) {
            Optional<ZonedDateTime> match = wallClock.nextExecution(local.atZone(ZoneOffset.UTC));
            if (match.isEmpty()) {
                return Optional.empty();
            }
            local = match.get().toLocalDateTime();
            ZonedDateTime fire = instantOf(local);
            if (fire.toInstant().isAfter(after)) {
                return Optional.of(fire);
            }
        }
        return Optional.empty();
    }

    /** The instant of a wall time: after a gap's first instant when it falls in one; the earlier one when it exists twice. */
    ZonedDateTime instantOf(LocalDateTime local) {
        var rules = zone.getRules();
        var offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            ZoneOffsetTransition gap = rules.getTransition(local);
            return gap.getInstant().atZone(zone);
        }
        return ZonedDateTime.ofLocal(local, zone, offsets.get(0));
    }
}
