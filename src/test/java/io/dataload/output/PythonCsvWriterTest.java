package io.dataload.output;

import io.dataload.config.CsvDialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected texts were produced by CPython 3.11's csv.writer with the same options. */
class PythonCsvWriterTest {
    private static final Object[] ROW1 = {1, "plain", "a,b", "say \"hi\"", null, "C:\\x", 1.5, ""};
    private static final Object[] ROW2 = {"line\nbreak", " lead", "#hash", ""};

    private static String write(Map<String, String> options, Object[]... rows) throws IOException {
        StringWriter out = new StringWriter();
        PythonCsvWriter writer = new PythonCsvWriter(out, CsvDialect.fromOptions(options));
        for (Object[] row : rows) {
            writer.writeRow(row);
        }
        return out.toString();
    }

    @Test
    void aNumberHoldingTheDelimiterIsQuotedAsAnyText() throws IOException {
        // csv.writer(f, delimiter='-').writerow([-5, 3, 'a-b', 12345678901])
        assertEquals("\"-5\"-3-\"a-b\"-12345678901\r\n",
                write(Map.of("delimiter", "-"), new Object[] {-5, 3, "a-b", 12345678901L}));
        // a delimiter beyond ASCII: csv.writer(f, delimiter='\u00a6').writerow(['a\u00a6b', -1, 'c'])
        assertEquals("\"a\u00a6b\"\u00a6-1\u00a6c\r\n",
                write(Map.of("delimiter", "\u00a6"), new Object[] {"a\u00a6b", -1, "c"}));
    }

    @Test
    void minimalQuotingIsTheDefault() throws IOException {
        assertEquals("1,plain,\"a,b\",\"say \"\"hi\"\"\",,C:\\\\x,1.5,\r\n\"line\nbreak\", lead,#hash,\r\n",
                write(Map.of(), ROW1, ROW2));
    }

    @Test
    void quoteAll() throws IOException {
        assertEquals("\"1\",\"plain\",\"a,b\",\"say \"\"hi\"\"\",\"\",\"C:\\\\x\",\"1.5\",\"\"\r\n"
                        + "\"line\nbreak\",\" lead\",\"#hash\",\"\"\r\n",
                write(Map.of("quoting", "QUOTE_ALL"), ROW1, ROW2));
    }

    @Test
    void quoteNonNumericQuotesNoneButNotNumbers() throws IOException {
        assertEquals("1,\"plain\",\"a,b\",\"say \"\"hi\"\"\",\"\",\"C:\\\\x\",1.5,\"\"\r\n"
                        + "\"line\nbreak\",\" lead\",\"#hash\",\"\"\r\n",
                write(Map.of("quoting", "QUOTE_NONNUMERIC"), ROW1, ROW2));
    }

    @Test
    void quoteNoneEscapesWithTheMisspeltDelimiterKey() throws IOException {
        assertEquals("1|plain|a,b|say \"hi\"||C:\\\\x|1.5|\nline\\\nbreak| lead|#hash|\n",
                write(Map.of("delimeter", "|", "quotechar", "'", "quoting", "QUOTE_NONE", "lineterminator", "\n"),
                        ROW1, ROW2));
    }

    @Test
    void withoutDoubleQuoteTheQuoteIsEscaped() throws IOException {
        assertEquals("1;plain;a,b;say \\\"hi\\\";;C:\\\\x;1.5;\n\"line\nbreak\"; lead;#hash;\n",
                write(Map.of("delimiter", ";", "doublequote", "False", "lineterminator", "\n"), ROW1, ROW2));
    }

    @Test
    void aSingleEmptyFieldIsQuoted() throws IOException {
        assertEquals("\"\"\r\n\"\"\r\n", write(Map.of(), new Object[] {""}, new Object[] {null}));
    }

    @Test
    void badOptionsAreRejectedWithTheirName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CsvDialect.fromOptions(Map.of("delimiter", "||")));
        assertEquals("\"delimiter\" must be a single character, found \"||\"", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CsvDialect.fromOptions(Map.of("quoting", "QUOTE_SOME")));
        assertEquals("\"quoting\" must be QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC or QUOTE_NONE, found \"QUOTE_SOME\"",
                e.getMessage());
    }
}
