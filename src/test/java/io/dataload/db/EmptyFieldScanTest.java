package io.dataload.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
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
}
