package io.dataload.standin.snowflake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Snowflake SQL as DuckDB runs it. Scripts written for Snowflake use its functions where DuckDB has
 * others of the same meaning: {@code to_varchar(x, 'YYYY-MM-DD HH24:MI:SS.FF6')} becomes
 * {@code strftime}, {@code dateadd(part, n, x)} an interval sum, {@code localtimestamp()} and
 * {@code current_timestamp()} lose their parentheses. Everything else goes to DuckDB as written, so
 * the demo's Snowflake scripts use SQL both engines accept.
 */
final class SnowflakeSql {
    private SnowflakeSql() {
    }

    static String toDuckDb(String sql) {
        String text = sql.replaceAll("(?i)\\b(localtimestamp|current_timestamp)\\s*\\(\\s*\\)", "$1");
        text = rewrite(text, "to_varchar", args -> args.size() == 2
                ? "strftime(" + args.get(0) + ", " + format(args.get(1)) + ")" : "cast(" + args.get(0) + " as varchar)");
        text = rewrite(text, "dateadd", args -> "(" + args.get(2) + " + to_" + unit(args.get(0)) + "s(" + args.get(1) + "))");
        return text;
    }

    private interface Rewrite {
        String apply(List<String> arguments);
    }

    /** Replaces each call of {@code function} (outside string literals) by what {@code rewrite} makes of its arguments. */
    private static String rewrite(String sql, String function, Rewrite rewrite) {
        StringBuilder out = new StringBuilder();
        String lower = sql.toLowerCase(Locale.ROOT);
        int i = 0;
        boolean quoted = false;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            if (!quoted && lower.startsWith(function, i) && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)))) {
                int open = i + function.length();
                while (open < sql.length() && Character.isWhitespace(sql.charAt(open))) {
                    open++;
                }
                if (open < sql.length() && sql.charAt(open) == '(') {
                    List<String> arguments = new ArrayList<>();
                    int end = arguments(sql, open, arguments);
                    out.append(rewrite.apply(arguments));
                    i = end + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** Splits the arguments of the call whose parenthesis opens at {@code open}; returns the closing one's index. */
    private static int arguments(String sql, int open, List<String> arguments) {
        int depth = 0;
        boolean quoted = false;
        int start = open + 1;
        for (int i = open; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
                if (depth == 0) {
                    arguments.add(toDuckDb(sql.substring(start, i).strip()));
                    return i;
                }
            } else if (!quoted && c == ',' && depth == 1) {
                arguments.add(toDuckDb(sql.substring(start, i).strip()));
                start = i + 1;
            }
        }
        throw new IllegalArgumentException("unbalanced parentheses in " + sql);
    }

    private static String unit(String part) {
        String name = part.replace("'", "").strip().toLowerCase(Locale.ROOT);
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    /** A Snowflake format ('YYYY-MM-DD HH24:MI:SS.FF6') as a strftime one. */
    private static String format(String literal) {
        return literal.replace("YYYY", "%Y").replace("HH24", "%H").replace("MI", "%M").replace("SS", "%S")
                .replace("FF6", "%f").replace("FF3", "%g").replace("MM", "%m").replace("DD", "%d");
    }
}
