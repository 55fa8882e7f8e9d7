package io.dataload.db;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a delimited file has an empty field (unquoted, or a quoted {@code ""}) anywhere. LOAD
 * DATA needs every column sent through NULLIF only when one has; a file without any loads faster
 * without it. Stops at the first empty field.
 */
final class EmptyFieldScan {
    private EmptyFieldScan() {
    }

    static boolean hasEmptyField(Path file, char delimiter, char quote, boolean header) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            int c = in.read();
            if (c == -1) {
                return false;
            }
            if (header) {
                while (c != -1 && c != '\n') {
                    c = in.read();
                }
                c = in.read();
                if (c == -1) {
                    return false;
                }
            }
            while (true) {
                // at the start of a field
                if (c == -1 || c == delimiter || c == '\r' || c == '\n') {
                    return true;
                }
                if (c == quote) {
                    int length = 0;
                    c = in.read();
                    while (c != -1) {
                        if (c == quote) {
                            c = in.read();
                            if (c != quote) {
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
                    while (c != -1 && c != delimiter && c != '\r' && c != '\n') {
                        c = in.read();
                    }
                }
                // at the end of a field
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
}
