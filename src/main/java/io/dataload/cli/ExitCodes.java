package io.dataload.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The process exit codes, listed in {@code --help}. */
public final class ExitCodes {
    public static final int SUCCESS = 0;
    public static final int ACTION_FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int INTERNAL_ERROR = 3;
    /** Another run of the same action file and action holds its lock (sysexits' EX_TEMPFAIL: try again later). */
    public static final int BUSY = 75;
    public static final int INTERRUPTED = 130;
    public static final int TERMINATED = 143;

    /** What {@code --help} prints for each code, in order. */
    public static final Map<String, String> DESCRIPTIONS = descriptions();

    private ExitCodes() {
    }

    private static Map<String, String> descriptions() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(String.valueOf(SUCCESS), "success");
        map.put(String.valueOf(ACTION_FAILED), "an action failed");
        map.put(String.valueOf(BAD_INPUT), "bad usage, configuration or placeholder (nothing ran)");
        map.put(String.valueOf(INTERNAL_ERROR), "internal error");
        map.put(String.valueOf(BUSY), "another run of the same file and action holds its lock (a --resume waits for runs to end)");
        map.put(String.valueOf(INTERRUPTED), "interrupted (Ctrl-C)");
        map.put(String.valueOf(TERMINATED), "terminated (SIGTERM)");
        return Collections.unmodifiableMap(map);
    }
}
