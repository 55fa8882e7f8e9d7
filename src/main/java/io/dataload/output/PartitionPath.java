package io.dataload.output;

import io.dataload.config.PartitionKey;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Hive-style folder of a row: {@code event=signup/date=2019-06-01}. A value is made safe for a
 * path exactly as Hive and Spark do it ({@code FileUtils.escapePathName}): the characters
 * {@code " # % ' * / : = ? \ { [ ] ^} and DEL, and every control character, become {@code %XX}
 * (upper-case hex of the character); everything else, letters of any script included, is kept. A
 * NULL or empty value is {@code __HIVE_DEFAULT_PARTITION__}. Dates are {@code yyyy-MM-dd},
 * timestamps {@code yyyy-MM-dd HH:mm:ss[.ffffff]} (so {@code 15%3A00%3A00} in a folder name).
 */
public final class PartitionPath {
    public static final String DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss[.SSSSSS]");

    private final List<PartitionKey> keys;
    private final int[] positions;
    private final int[] types;
    private final List<String> labels = new ArrayList<>();

    /** Throws naming the key and the query's columns when a key's column is not among them. */
    public PartitionPath(List<PartitionKey> keys, Columns columns) {
        this.keys = List.copyOf(keys);
        this.positions = new int[keys.size()];
        this.types = new int[keys.size()];
        for (int k = 0; k < keys.size(); k++) {
            int index = columns.indexOf(keys.get(k).column());
            if (index < 0) {
                throw new IllegalArgumentException("partition_by column \"" + keys.get(k).column()
                        + "\" is not among the query's columns: " + columns.describe());
            }
            positions[k] = index + 1;
            types[k] = columns.types()[index];
            if (!labels.contains(columns.names().get(index))) {
                labels.add(columns.names().get(index));
            }
        }
    }

    /**
     * The columns the query is ordered by, so that each partition's rows come together: their names
     * as the query reports them (to be quoted: {@code at} is a keyword on some engines).
     */
    public List<String> orderColumns() {
        return List.copyOf(labels);
    }

    /** The current row's folder, relative: {@code event=signup/date=2019-06-01}. */
    public String of(ResultSet row) throws SQLException {
        StringBuilder path = new StringBuilder();
        for (int k = 0; k < keys.size(); k++) {
            if (k > 0) {
                path.append('/');
            }
            PartitionKey key = keys.get(k);
            String value = key.function() == null ? text(row, positions[k], types[k])
                    : part(key, row, positions[k], types[k]);
            path.append(escape(key.name())).append('=').append(value == null || value.isEmpty() ? DEFAULT_PARTITION
                    : escape(value));
        }
        return path.toString();
    }

    private static String text(ResultSet row, int column, int type) throws SQLException {
        switch (type) {
            case Types.DATE -> {
                java.sql.Date value = row.getDate(column);
                return value == null ? null : value.toLocalDate().toString();
            }
            case Types.TIMESTAMP -> {
                Timestamp value = row.getTimestamp(column);
                return value == null ? null : TIMESTAMP.format(value.toLocalDateTime());
            }
            case Types.TIMESTAMP_WITH_TIMEZONE -> {
                OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
                return value == null ? null : value.toString();
            }
            case Types.NUMERIC, Types.DECIMAL -> {
                BigDecimal value = row.getBigDecimal(column);
                return value == null ? null : value.toPlainString();
            }
            default -> {
                return row.getString(column);
            }
        }
    }

    /** {@code date}, {@code year}, {@code month}, {@code day} or {@code hour} of a date, a timestamp or a text holding one. */
    private static String part(PartitionKey key, ResultSet row, int column, int type) throws SQLException {
        LocalDateTime time;
        switch (type) {
            case Types.DATE -> {
                java.sql.Date value = row.getDate(column);
                time = value == null ? null : value.toLocalDate().atStartOfDay();
            }
            case Types.TIMESTAMP -> {
                Timestamp value = row.getTimestamp(column);
                time = value == null ? null : value.toLocalDateTime();
            }
            case Types.TIMESTAMP_WITH_TIMEZONE -> {
                OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
                time = value == null ? null : value.toLocalDateTime();
            }
            default -> time = parse(key, row.getString(column));
        }
        if (time == null) {
            return null;
        }
        return switch (key.function()) {
            case "date" -> time.toLocalDate().toString();
            case "year" -> String.valueOf(time.getYear());
            case "month" -> String.valueOf(time.getMonthValue());
            case "day" -> String.valueOf(time.getDayOfMonth());
            default -> String.valueOf(time.getHour());
        };
    }

    /** A text column holding an ISO date or time: {@code 2019-06-01}, {@code 2019-06-01T15:00:00Z}, {@code 2019-06-01 15:00:00}. */
    private static LocalDateTime parse(PartitionKey key, String text) throws SQLException {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            if (value.length() <= 10) {
                return LocalDate.parse(value).atStartOfDay();
            }
            String iso = value.replace(' ', 'T');
            try {
                return OffsetDateTime.parse(iso).toLocalDateTime();
            } catch (DateTimeParseException e) {
                return LocalDateTime.parse(iso);
            }
        } catch (DateTimeParseException e) {
            throw new SQLException("partition_by " + key + ": \"" + (value.length() > 40 ? value.substring(0, 40) + "…"
                    : value) + "\" is not a date or a time");
        }
    }

    /** Hive's escaping of a path element (see the class comment). */
    public static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch < 0x20 || ch == 0x7F || "\"#%'*/:=?\\{[]^".indexOf(ch) >= 0) {
                out.append('%').append(String.format("%02X", (int) ch));
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    /** The value an escaped path element stands for. */
    public static String unescape(String element) {
        StringBuilder out = new StringBuilder(element.length());
        for (int i = 0; i < element.length(); i++) {
            char ch = element.charAt(i);
            if (ch == '%' && i + 2 < element.length() && isHex(element.charAt(i + 1)) && isHex(element.charAt(i + 2))) {
                out.append((char) Integer.parseInt(element.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static boolean isHex(char ch) {
        return Character.digit(ch, 16) >= 0;
    }
}
