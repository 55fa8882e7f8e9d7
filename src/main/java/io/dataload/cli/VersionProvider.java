package io.dataload.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven wrote into the jar. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/dataload-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return new String[] {"dataload " + properties.getProperty("version", "unknown")
                + " (Java " + System.getProperty("java.version") + ")"};
    }
}
