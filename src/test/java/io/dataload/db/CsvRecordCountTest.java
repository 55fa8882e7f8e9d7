package io.dataload.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Records are counted as a CSV reader splits them: the number a bulk load must report as loaded. */
class CsvRecordCountTest {

    private static long count(String text, boolean header) throws IOException {
        return CsvRecordCount.of(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), '"', header);
    }

    @Test
    void lineEndsInsideQuotesAreDataAndALastRecordWithoutALineEndCounts() throws IOException {
        assertEquals(3, count("1,a\n2,\"two\nlines\"\n3,c", false));
        assertEquals(3, count("1,a\r\n2,\"x \"\"quoted\"\"\r\nstill\"\r\n3,\r\n", false));
        assertEquals(2, count("id,name\n1,a\n2,b\n", true));
        assertEquals(0, count("", false));
        assertEquals(0, count("id,name\n", true));
        assertEquals(2, count("1\n\n", false), "a blank line is a record, as Snowflake reads it");
    }
}
