package io.dataload.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CopyOutRecordsTest {
    private static final String COPY = "1,2024-01-01 10:00:00,\"two\nlines, \"\"quoted\"\"\"\n"
            + "2,2024-01-01 10:00:00.5,\"\"\n"
            + "3,,plain\n"
            + "4,0044-03-15 12:00:00.25 BC,x\n"
            + "5,infinity,\"a,b\"\n"
            + "6,2024-12-31 23:59:59.999999,\"\"\"\"\n";
    private static final String PYTHON = "1,2024-01-01 10:00:00,\"two\nlines, \"\"quoted\"\"\"\r\n"
            + "2,2024-01-01 10:00:00.500000,\"\"\r\n"
            + "3,,plain\r\n"
            + "4,0044-03-15 12:00:00.250000,x\r\n"
            + "5,,\"a,b\"\r\n"
            + "6,2024-12-31 23:59:59.999999,\"\"\"\"\r\n";

    private static String convert(String copy, int chunk) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CopyOutRecords records = new CopyOutRecords(out, (byte) '"', (byte) ',', new boolean[] {false, true, false});
        byte[] bytes = copy.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += chunk) {
            records.write(bytes, i, Math.min(chunk, bytes.length - i));
        }
        records.flush();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsRecordsAndTimestampsAsPythonWhateverTheChunks() throws IOException {
        for (int chunk = 1; chunk <= COPY.length(); chunk++) {
            assertEquals(PYTHON, convert(COPY, chunk), "chunks of " + chunk);
        }
    }

    @Test
    void aLongRunOfRowsPassesTheBufferIntact() throws IOException {
        StringBuilder copy = new StringBuilder();
        StringBuilder python = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            copy.append(i).append(",2024-01-01 10:00:0").append(i % 10).append(".1,e\n");
            python.append(i).append(",2024-01-01 10:00:0").append(i % 10).append(".100000,e\r\n");
        }
        assertEquals(python.toString(), convert(copy.toString(), 8192));
    }

    /** QUOTE_ALL: the server quotes every value but the timestamps (FORCE_QUOTE); the rest is quoted here. */
    private static final String COPY_ALL = "\"1\",2024-01-01 10:00:00,\"two\nlines, \"\"quoted\"\"\"\n"
            + "\"2\",2024-01-01 10:00:00.5,\"\"\n"
            + ",,\"plain\"\n"
            + "\"4\",0044-03-15 12:00:00.25 BC,\n"
            + "\"5\",infinity,\"a,b\"\n";
    private static final String PYTHON_ALL = "\"1\",\"2024-01-01 10:00:00\",\"two\nlines, \"\"quoted\"\"\"\n"
            + "\"2\",\"2024-01-01 10:00:00.500000\",\"\"\n"
            + "\"\",\"\",\"plain\"\n"
            + "\"4\",\"0044-03-15 12:00:00.250000\",\"\"\n"
            + "\"5\",\"\",\"a,b\"\n";

    @Test
    void quoteAllQuotesWhatTheServerLeftBareWhateverTheChunks() throws IOException {
        for (int chunk = 1; chunk <= COPY_ALL.length(); chunk++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CopyOutRecords records = new CopyOutRecords(out, (byte) '"', (byte) ',', new boolean[] {false, true, false},
                    true, true);
            byte[] bytes = COPY_ALL.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < bytes.length; i += chunk) {
                records.write(bytes, i, Math.min(chunk, bytes.length - i));
            }
            records.flush();
            assertEquals(PYTHON_ALL, out.toString(StandardCharsets.UTF_8), "chunks of " + chunk);
        }
    }

    @Test
    void unquoteAllTakesOffTheQuotesPythonWouldNotWrite() throws IOException {
        // DuckDB quotes a leading '#'; Python quotes for the delimiter, the quote and, with CRLF, \r and \n
        String copy = "\"#hash\",\"a,b\",\"cr\rhere\",\"say \"\"hi\"\"\",\"two\nlines\"\n";
        String python = "#hash,\"a,b\",\"cr\rhere\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n";
        for (int chunk = 1; chunk <= copy.length(); chunk++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CopyOutRecords records = new CopyOutRecords(out, (byte) '"', (byte) ',', new boolean[5], false, null, true);
            byte[] bytes = copy.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < bytes.length; i += chunk) {
                records.write(bytes, i, Math.min(chunk, bytes.length - i));
            }
            records.flush();
            assertEquals(python, out.toString(StandardCharsets.UTF_8), "chunks of " + chunk);
        }
    }
}
