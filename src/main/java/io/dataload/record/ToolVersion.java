package io.dataload.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version Maven wrote into the jar, for {@code --version} and every record of a run. */
public final class ToolVersion {
    private static volatile String version;

    private ToolVersion() {
    }

    public static String get() {
        if (version == null) {
            Properties properties = new Properties();
            try (InputStream in = ToolVersion.class.getResourceAsStream("/dataload-version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            version = properties.getProperty("version", "unknown");
        }
        return version;
    }
}
