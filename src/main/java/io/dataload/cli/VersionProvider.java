package io.dataload.cli;

import io.dataload.record.ToolVersion;
import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven wrote into the jar. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"dataload " + ToolVersion.get() + " (Java " + System.getProperty("java.version") + ")"};
    }
}
