package io.dataload.state;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.util.OSInfo;

/**
 * sqlite-jdbc unpacks its native library into a new temporary file at every start (about 40 ms).
 * This unpacks it once into the user's cache folder, under a name that changes with the library,
 * and points sqlite-jdbc at it; when that is not possible sqlite-jdbc does as it always does.
 */
public final class SqliteNative {
    private static volatile boolean prepared;

    private SqliteNative() {
    }

    public static synchronized void prepare() {
        if (prepared || System.getProperty("org.sqlite.lib.path") != null) {
            return;
        }
        prepared = true;
        try {
            String folder = "/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS();
            String name = System.mapLibraryName("sqlitejdbc");
            String resource = folder + "/" + name;
            if (SqliteNative.class.getResource(resource) == null) {
                return;
            }
            String version;
            try (InputStream in = SqliteNative.class.getResourceAsStream("/sqlite-jdbc.properties")) {
                java.util.Properties properties = new java.util.Properties();
                if (in != null) {
                    properties.load(in);
                }
                version = properties.getProperty("version", "unknown");
            }
            String base = System.getenv("XDG_CACHE_HOME");
            Path cache = (base == null || base.isBlank() ? Path.of(System.getProperty("user.home"), ".cache")
                    : Path.of(base)).resolve("dataload").resolve("sqlite-jdbc-" + version + "-"
                    + OSInfo.getNativeLibFolderPathForCurrentOS().replace('/', '-'));
            Path library = cache.resolve(name);
            if (!Files.isRegularFile(library)) {
                Files.createDirectories(cache);
                Path temporary = Files.createTempFile(cache, name, ".part");
                try (InputStream in = SqliteNative.class.getResourceAsStream(resource)) {
                    Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(temporary, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            System.setProperty("org.sqlite.lib.path", cache.toString());
            System.setProperty("org.sqlite.lib.name", name);
        } catch (IOException | RuntimeException e) {
            // sqlite-jdbc unpacks it itself, as usual
        }
    }
}
