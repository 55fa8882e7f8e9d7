package io.dataload.cli;

import io.dataload.config.ActionFile;
import io.dataload.config.ActionFileReader;
import io.dataload.config.ConfigException;
import io.dataload.config.Problem;
import io.dataload.config.ResourceReader;
import io.dataload.config.Resources;
import java.nio.file.Path;
import java.util.List;

/** The resource file (optional) and the action file of a command, read from the working directory. */
record InputFiles(Resources resources, ActionFile actionFile, List<Problem> warnings) {

    static InputFiles read(Path workDir, String resourceFile, String actionFile) throws ConfigException {
        Resources resources = resourceFile == null ? Resources.none()
                : new ResourceReader().read(resourceFile, workDir.resolve(resourceFile));
        ActionFileReader reader = new ActionFileReader();
        ActionFile file = reader.read(actionFile, workDir.resolve(actionFile));
        return new InputFiles(resources, file, reader.warnings());
    }
}
