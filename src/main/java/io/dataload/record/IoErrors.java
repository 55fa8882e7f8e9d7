package io.dataload.record;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/** Says why a file operation failed in words ("not a directory", "no space left on device"), with the path. */
public final class IoErrors {
    private IoErrors() {
    }

    public static String describe(IOException e) {
        if (e instanceof FileSystemException fs) {
            String path = fs.getFile();
            String why;
            if (fs instanceof NotDirectoryException) {
                why = "not a directory";
            } else if (fs instanceof AccessDeniedException) {
                why = "permission denied";
            } else if (fs instanceof NoSuchFileException) {
                why = "no such file or directory";
            } else if (fs instanceof FileAlreadyExistsException) {
                why = fs.getReason() != null ? fs.getReason() : "already exists";
            } else if (fs.getReason() != null) {
                why = fs.getReason().toLowerCase(Locale.ROOT);
            } else {
                why = "cannot be used";
            }
            return (path == null ? "" : path + ": ") + why
                    + (fs.getOtherFile() == null ? "" : " (" + fs.getOtherFile() + ")");
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /** Creates a folder and its parents; a file in the way is reported as "not a directory", not "already exists". */
    public static void createDirectories(java.nio.file.Path dir) throws IOException {
        for (java.nio.file.Path at = dir; at != null; at = at.getParent()) {
            if (java.nio.file.Files.exists(at) && !java.nio.file.Files.isDirectory(at)) {
                throw new NotDirectoryException(at.toString());
            }
        }
        java.nio.file.Files.createDirectories(dir);
    }
}
