package io.dataload.config;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One element of an extract's {@code "partition_by"}: a column of the query ({@code "event"}), or a
 * part of a date or time column ({@code "date(at)"}, {@code year}, {@code month}, {@code day},
 * {@code hour}). {@code name} is the folder's key: the column's name, or the function's
 * ({@code date=2019-06-01}).
 */
public record PartitionKey(String name, String function, String column, Location location) {
    public static final List<String> FUNCTIONS = List.of("date", "year", "month", "day", "hour");
    private static final Pattern FORM = Pattern.compile("\\s*(?:([A-Za-z]+)\\s*\\(\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\)"
            + "|([A-Za-z_][A-Za-z0-9_]*))\\s*");

    /** Reads {@code column} or {@code fn(column)}; throws with the reason when it is neither. */
    public static PartitionKey parse(String text, Location location) {
        Matcher matcher = FORM.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a column name or one of "
                    + String.join(", ", FUNCTIONS.stream().map(f -> f + "(column)").toList()));
        }
        if (matcher.group(3) != null) {
            return new PartitionKey(matcher.group(3), null, matcher.group(3), location);
        }
        String function = matcher.group(1).toLowerCase(Locale.ROOT);
        if (!FUNCTIONS.contains(function)) {
            throw new IllegalArgumentException("unknown function \"" + matcher.group(1) + "\" in \"" + text
                    + "\"; a partition is a column or one of " + String.join(", ",
                    FUNCTIONS.stream().map(f -> f + "(column)").toList()));
        }
        return new PartitionKey(function, function, matcher.group(2), location);
    }

    @Override
    public String toString() {
        return function == null ? column : function + "(" + column + ")";
    }
}
