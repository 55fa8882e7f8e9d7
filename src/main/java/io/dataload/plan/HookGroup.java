package io.dataload.plan;

import io.dataload.config.Hook;
import java.util.List;
import java.util.Map;

/**
 * Handlers that run together, as the log names them ({@code OnSuccess}, {@code OnErrorNotification}, …),
 * with the built-in placeholders their texts see ({@code #table_name#}, {@code #action#}).
 */
public record HookGroup(String label, List<Hook> hooks, Map<String, String> builtins) {
    public HookGroup {
        hooks = List.copyOf(hooks);
        builtins = Map.copyOf(builtins);
    }
}
