package io.dataload.config;

/** How the entries of one run are scheduled. */
public enum Mode {
    SEQUENTIAL("Sequential"),
    PARALLEL("Parallel");

    private final String fileName;

    Mode(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }
}
