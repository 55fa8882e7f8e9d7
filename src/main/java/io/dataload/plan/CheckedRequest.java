package io.dataload.plan;

import io.dataload.config.Problem;
import io.dataload.config.Resources;
import java.util.List;

/**
 * What the front door made of a request: the plan when the request is valid, and every problem
 * and warning it found, and which actions were checked — reported together, whatever the command.
 */
public record CheckedRequest(RunRequest request, Resources resources, Plan plan, List<String> actionsChecked,
        List<Problem> problems, List<Problem> warnings) {

    public CheckedRequest {
        actionsChecked = List.copyOf(actionsChecked);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    public boolean valid() {
        return problems.isEmpty() && plan != null;
    }
}
