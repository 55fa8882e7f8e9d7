package io.dataload.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoErrorsTest {
    @TempDir
    Path dir;

    @Test
    void saysWhyInWords() throws Exception {
        assertEquals("logs/a.log: no space left on device",
                IoErrors.describe(new FileSystemException("logs/a.log", null, "No space left on device")));
        assertEquals("logs: not a directory", IoErrors.describe(new NotDirectoryException("logs")));
        Path file = Files.writeString(dir.resolve("filelog"), "");
        try {
            IoErrors.createDirectories(file.resolve("sub"));
        } catch (NotDirectoryException e) {
            assertEquals(file + ": not a directory", IoErrors.describe(e));
            return;
        }
        throw new AssertionError("a file in the way is not a directory");
    }
}
