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

    public PythonCsvWriter(Writer out, CsvDialect dialect) {
        this.out = out;
        this.dialect = dialect;
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
        out.append(record);
    }

    private void appendField(Object value) throws IOException {
        boolean quoted = switch (dialect.quoting()) {
            case ALL -> true;
            case NONNUMERIC -> !isNumber(value);
            default -> false;
        };
        String text = value == null ? "" : PythonText.str(value);
        int fieldStart = record.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean special = c == dialect.delimiter() || c == dialect.quoteChar()
                    || (dialect.escapeChar() != null && c == dialect.escapeChar())
                    || dialect.lineTerminator().indexOf(c) >= 0;
            if (special) {
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
