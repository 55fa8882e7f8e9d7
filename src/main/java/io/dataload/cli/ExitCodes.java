package io.dataload.cli;

/** The process exit codes, listed in {@code --help}. */
public final class ExitCodes {
    public static final int SUCCESS = 0;
    public static final int ACTION_FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int INTERNAL_ERROR = 3;
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
