package io.dataload.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmptyFieldScanTest {
    @TempDir
    Path dir;

    private boolean scan(String text, boolean header) throws IOException {
        Path file = dir.resolve("f.csv");
        Files.writeString(file, text);
        return EmptyFieldScan.hasEmptyField(file, ',', '"', header);
    }

    @Test
    void findsEmptyFieldsWhereverTheyAre() throws IOException {
        assertEquals(false, scan("1,a,\"b, c\"\n2,\"x\"\"y\",z\n", false));
        assertEquals(false, scan("1,a\r\n2,b\r\n", false));
        assertEquals(true, scan("1,,c\n", false));
        assertEquals(true, scan(",a\n", false));
        assertEquals(true, scan("1,a,\n", false));
        assertEquals(true, scan("1,a,\r\n", false));
        assertEquals(true, scan("1,\"\",c\n", false));
        assertEquals(true, scan("1,a,\"\"", false));
        assertEquals(true, scan("1,a\n\n2,b\n", false));
        assertEquals(false, scan("x,,y\n1,a\n", true));
        assertEquals(false, scan("", false));
    }

    /** Random files cut at every buffer boundary agree with a byte-at-a-time reading of the same rules. */
    @Test
    void bufferedScanAgreesWithByteAtATimeReading() throws IOException {
        Random random = new Random(42);
        char[] alphabet = {',', '"', '\r', '\n', 'a', 'b'};
        Path file = dir.resolve("fuzz.csv");
        for (int round = 0; round < 4000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(round % 2 == 0 ? 14 : 80);
            // long runs of plain bytes too, for the eight-bytes-at-a-time reading
            int plain = random.nextInt(4);
            for (int i = 0; i < length; i++) {
                text.append(random.nextInt(4) < plain ? 'a' : alphabet[random.nextInt(random.nextBoolean() ? 2 : alphabet.length)]);
            }
            byte[] bytes = text.toString().getBytes();
            Files.write(file, bytes);
            boolean header = random.nextInt(4) == 0;
            boolean expected = reference(new ByteArrayInputStream(bytes), header);
            for (int size : new int[] {1, 2, 3, 4, 5, 8, 13, 64}) {
                assertEquals(expected, EmptyFieldScan.hasEmptyField(file, ',', '"', header, size),
                        "\"" + text + "\" header " + header + " buffer " + size);
            }
        }
    }

    /** The rules read one byte at a time. */
    private static boolean reference(InputStream in, boolean header) throws IOException {
        int c = in.read();
        if (header) {
            while (c != -1 && c != '\n') {
                c = in.read();
            }
            c = c == -1 ? -1 : in.read();
        }
        if (c == -1) {
            return false;
        }
        while (true) {
            if (c == -1 || c == ',' || c == '\r' || c == '\n') {
                return true;
            }
            if (c == '"') {
                int length = 0;
                c = in.read();
                while (c != -1) {
                    if (c == '"') {
                        c = in.read();
                        if (c != '"') {
                            break;
                        }
                    }
                    length++;
                    c = in.read();
                }
                if (length == 0) {
                    return true;
                }
            } else {
                while (c != -1 && c != ',' && c != '\r' && c != '\n') {
                    c = in.read();
                }
            }
            if (c == '\r') {
                c = in.read();
            }
            if (c == -1) {
                return false;
            }
            if (c == '\n') {
                c = in.read();
                if (c == -1) {
                    return false;
                }
                continue;
            }
            c = in.read();
        }
    }
}
