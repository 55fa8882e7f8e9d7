package io.dataload.standin.snowflake;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DuckDB's errors in Snowflake's words and codes, for the kinds a load meets: a missing object
 * (002003, 42S02), a syntax error (001003, 42000), an unknown column (000904, 42000), a value that
 * does not convert (100038, 22018), a constraint (100072, 22000); anything else 100000 with
 * DuckDB's own text.
 */
final class SnowflakeErrors {
    private static final Pattern MISSING = Pattern.compile("(?:Table|View|Schema|Catalog) with name \"?([^\" ]+)\"? does not exist");
    private static final Pattern COLUMN = Pattern.compile("column with name \"?([^\" ]+)\"? not found|Referenced column \"?([^\" ]+)\"? not found");

    private SnowflakeErrors() {
    }

    static JsonNode of(SQLException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage().replaceFirst("^java.sql.SQLException: ", "");
        Matcher missing = MISSING.matcher(message);
        if (missing.find()) {
            return Replies.error("002003", "42S02", "SQL compilation error:\nObject '"
                    + missing.group(1).toUpperCase(Locale.ROOT) + "' does not exist or not authorized.");
        }
        Matcher column = COLUMN.matcher(message);
        if (column.find()) {
            String name = column.group(1) != null ? column.group(1) : column.group(2);
            return Replies.error("000904", "42000", "SQL compilation error: error line 1 at position 0\ninvalid identifier '"
                    + name.toUpperCase(Locale.ROOT) + "'");
        }
        if (message.startsWith("Parser Error")) {
            return Replies.error("001003", "42000", "SQL compilation error:\nsyntax error: " + firstLine(message));
        }
        if (message.startsWith("Conversion Error") || message.startsWith("Invalid Input Error")) {
            return Replies.error("100038", "22018", firstLine(message));
        }
        if (message.startsWith("Constraint Error")) {
            return Replies.error("100072", "22000", firstLine(message));
        }
        return Replies.error("100000", "XX000", firstLine(message));
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse(text);
    }
}
