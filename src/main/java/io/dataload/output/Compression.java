package io.dataload.output;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The whole-file compression of CSV and JSON lines: gzip (the JDK's) or zstd (zstd-jni, level 3,
 * its default). A compressed stream is finished by closing it.
 */
public final class Compression {
    private static final int BUFFER = 1 << 16;

    private Compression() {
    }

    public static OutputStream compress(OutputStream out, String codec) throws IOException {
        return switch (codec) {
            case "gzip" -> new GZIPOutputStream(out, BUFFER);
            case "zstd" -> new ZstdOutputStream(out, 3);
            default -> out;
        };
    }

    /** A file's contents uncompressed, by its name's ending ({@code .gz}, {@code .zst}). */
    public static InputStream decompress(InputStream in, String fileName) throws IOException {
        if (fileName.endsWith(".gz")) {
            return new GZIPInputStream(in, BUFFER);
        }
        if (fileName.endsWith(".zst")) {
            return new BufferedInputStream(new ZstdInputStream(in), BUFFER);
        }
        return in;
    }

    /** The codec a file's name says it has: gzip, zstd or none. */
    public static String ofName(String fileName) {
        return fileName.endsWith(".gz") ? "gzip" : fileName.endsWith(".zst") ? "zstd" : "none";
    }
}
