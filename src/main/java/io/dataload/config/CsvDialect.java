package io.dataload.config;

import java.util.Locale;
import java.util.Map;

/**
 * The extract action's CSV options, with the Python tool's defaults: delimiter {@code ,},
 * quotechar {@code "}, QUOTE_MINIMAL, doublequote True, escapechar {@code \}, lineterminator CRLF.
 */
public record CsvDialect(char delimiter, char quoteChar, Quoting quoting, boolean doubleQuote,
        Character escapeChar, String lineTerminator) {

    /** Python's csv quoting constants, in their numeric order. */
    public enum Quoting { MINIMAL, ALL, NONNUMERIC, NONE }

    public static final CsvDialect PYTHON_TOOL_DEFAULT =
            new CsvDialect(',', '"', Quoting.MINIMAL, true, '\\', "\r\n");

    /**
     * Reads the options of an extract action spec; throws {@link IllegalArgumentException} with a
     * message naming the option for a bad value.
     */
    public static CsvDialect fromOptions(Map<String, String> options) {
        String delimiterText = options.containsKey("delimiter") ? options.get("delimiter") : options.get("delimeter");
        char delimiter = oneChar("delimiter", delimiterText, ',');
        char quoteChar = oneChar("quotechar", options.get("quotechar"), '"');
        Quoting quoting = quoting(options.get("quoting"));
        boolean doubleQuote = bool("doublequote", options.get("doublequote"));
        Character escape = '\\';
        String escapeText = options.get("escapechar");
        if (escapeText != null) {
            escape = escapeText.isEmpty() || escapeText.equals("None") ? null : oneChar("escapechar", escapeText, '\\');
        }
        String terminator = options.getOrDefault("lineterminator", "\r\n");
        if (terminator.isEmpty()) {
            throw new IllegalArgumentException("\"lineterminator\" must not be empty");
        }
        return new CsvDialect(delimiter, quoteChar, quoting, doubleQuote, escape, terminator);
    }

    private static char oneChar(String option, String text, char fallback) {
        if (text == null) {
            return fallback;
        }
        if (text.length() != 1) {
            throw new IllegalArgumentException("\"" + option + "\" must be a single character, found \"" + text + "\"");
        }
        return text.charAt(0);
    }

    private static Quoting quoting(String text) {
        if (text == null) {
            return Quoting.MINIMAL;
        }
        String name = text.trim().toUpperCase(Locale.ROOT);
        if (name.startsWith("CSV.")) {
            name = name.substring(4);
        }
        for (Quoting quoting : Quoting.values()) {
            if (name.equals("QUOTE_" + quoting.name()) || name.equals(String.valueOf(quoting.ordinal()))) {
                return quoting;
            }
        }
        throw new IllegalArgumentException("\"quoting\" must be QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC or QUOTE_NONE, found \""
                + text + "\"");
    }

    private static boolean bool(String option, String text) {
        if (text == null) {
            return true;
        }
        switch (text.trim()) {
            case "True": case "true": case "1":
                return true;
            case "False": case "false": case "0":
                return false;
            default:
                throw new IllegalArgumentException("\"" + option + "\" must be \"True\" or \"False\", found \"" + text + "\"");
        }
    }
}
