package io.dataload.output;

import io.dataload.config.CsvDialect;
import io.dataload.config.PythonText;
import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;

/**
 * Writes rows exactly as Python's {@code csv.writer} does with the same dialect: the same quoting
 * decisions, doubling or escaping, {@code None} as an empty field, and values printed as
 * {@code str()} prints them. Python's rules differ from other CSV libraries (which quote leading
 * spaces or {@code #}), so they are followed here to the letter.
 */
public final class PythonCsvWriter {
    private final Writer out;
    private final CsvDialect dialect;
    private final StringBuilder record = new StringBuilder(256);
    /** The record's characters for the writer, reused (a String per row would be copied twice more). */
    private char[] chars = new char[256];
    /** Per ASCII character: whether Python's writer looks at it (delimiter, quote, escape, line terminator). */
    private final boolean[] special = new boolean[128];
    /** A special character outside ASCII (then every character is looked at). */
    private final boolean specialBeyondAscii;
    /** No digit and no minus sign is special: a whole number is written as it is. */
    private final boolean digitsPlain;

    public PythonCsvWriter(Writer out, CsvDialect dialect) {
        this.out = out;
        this.dialect = dialect;
        StringBuilder all = new StringBuilder().append(dialect.delimiter()).append(dialect.quoteChar())
                .append(dialect.lineTerminator());
        if (dialect.escapeChar() != null) {
            all.append(dialect.escapeChar().charValue());
        }
        boolean beyond = false;
        for (int i = 0; i < all.length(); i++) {
            char c = all.charAt(i);
            if (c < 128) {
                special[c] = true;
            } else {
                beyond = true;
            }
        }
        specialBeyondAscii = beyond;
        boolean digits = !special['-'];
        for (char c = '0'; c <= '9'; c++) {
            digits &= !special[c];
        }
        digitsPlain = digits;
    }

    /** Writes one row; values are JDBC objects (null for SQL NULL). */
    public void writeRow(Object[] values) throws IOException {
        record.setLength(0);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                record.append(dialect.delimiter());
            }
            appendField(values[i]);
        }
        if (values.length == 1 && record.length() == 0) {
            if (dialect.quoting() == CsvDialect.Quoting.NONE) {
                throw new IOException("single empty field record must be quoted");
            }
            record.append(dialect.quoteChar()).append(dialect.quoteChar());
        }
        record.append(dialect.lineTerminator());
        int length = record.length();
        if (chars.length < length) {
            chars = new char[Math.max(length, chars.length * 2)];
        }
        record.getChars(0, length, chars, 0);
        out.write(chars, 0, length);
    }

    private boolean isSpecial(char c) {
        if (c < 128) {
            return special[c];
        }
        return specialBeyondAscii && (c == dialect.delimiter() || c == dialect.quoteChar()
                || (dialect.escapeChar() != null && c == dialect.escapeChar()) || dialect.lineTerminator().indexOf(c) >= 0);
    }

    private void appendField(Object value) throws IOException {
        boolean quoted = switch (dialect.quoting()) {
            case ALL -> true;
            case NONNUMERIC -> !isNumber(value);
            default -> false;
        };
        if (digitsPlain && (value instanceof Integer || value instanceof Long)) {
            // digits and a sign, none of them special: nothing to quote or escape
            if (quoted) {
                record.append(dialect.quoteChar()).append(((Number) value).longValue()).append(dialect.quoteChar());
            } else {
                record.append(((Number) value).longValue());
            }
            return;
        }
        String text = value == null ? "" : PythonText.str(value);
        int plain = 0;
        while (plain < text.length() && !isSpecial(text.charAt(plain))) {
            plain++;
        }
        if (plain == text.length()) {
            // nothing to quote or escape: the text as it is
            if (quoted) {
                record.append(dialect.quoteChar()).append(text).append(dialect.quoteChar());
            } else {
                record.append(text);
            }
            return;
        }
        int fieldStart = record.length();
        record.append(text, 0, plain);
        for (int i = plain; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpecial(c)) {
                boolean escape = false;
                if (dialect.quoting() == CsvDialect.Quoting.NONE) {
                    escape = true;
                } else if (c == dialect.quoteChar()) {
                    if (dialect.doubleQuote()) {
                        record.append(c);
                    } else {
                        escape = true;
                    }
                } else if (dialect.escapeChar() != null && c == dialect.escapeChar()) {
                    escape = true;
                }
                if (!escape) {
                    quoted = true;
                } else if (dialect.escapeChar() == null) {
                    throw new IOException("need to escape, but no escapechar set");
                } else {
                    record.append(dialect.escapeChar().charValue());
                }
            }
            record.append(c);
        }
        if (quoted) {
            record.insert(fieldStart, dialect.quoteChar());
            record.append(dialect.quoteChar());
        }
    }

    /** Python's PyNumber_Check: int, float, Decimal and bool are numbers. */
    private static boolean isNumber(Object value) {
        return value instanceof Number || value instanceof Boolean || value instanceof BigInteger;
    }
}
