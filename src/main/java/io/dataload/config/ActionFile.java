package io.dataload.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An action file as written. {@code displayPath} is the path as the user gave it (used in
 * messages and in the log file name); {@code path} is where it was read from; {@code sla} the
 * file's {@code sla} and {@code OnSlaMiss} (null: none).
 */
public record ActionFile(
        String displayPath,
        Path path,
        List<TableEntry> tables,
        Mode mode,
        List<Placeholder> placeholders,
        ErrorPolicy onError,
        Map<String, List<Hook>> onSuccessByAction,
        List<Hook> onSuccess,
        List<Hook> onSuccessNotification,
        List<Hook> onErrorNotification,
        Sla sla) {

    public List<Hook> onSuccessFor(String action) {
        return onSuccessByAction.getOrDefault(action, List.of());
    }
}
