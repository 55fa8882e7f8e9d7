package io.dataload.plan;

import io.dataload.config.Answer;
import io.dataload.config.ErrorPolicy;
import io.dataload.config.ErrorPolicy.Decision;
import io.dataload.config.Location;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves a failure against the {@code OnError} levels in priority order (action, table, file);
 * the first level that answers decides, and when none does the answer is {@code Stop}.
 */
public final class ErrorDecider {
    private ErrorDecider() {
    }

    public static Decision decide(String errorText, int attempt, ErrorPolicy... levels) {
        Optional<Decision> decision = Arrays.stream(levels)
                .filter(Objects::nonNull)
                .map(level -> level.decide(errorText, attempt))
                .flatMap(Optional::stream)
                .findFirst();
        return decision.orElseGet(() -> new Decision(new Answer.Stop(null), "no OnError rule", new Location("", 0, 0)));
    }
}
