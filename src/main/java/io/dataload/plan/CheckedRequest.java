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

    /**
     * The same request with the whole run's sla set from outside the file (a schedule job, {@code run
     * --sla}): the given handlers, else the file's {@code OnSlaMiss}.
     */
    public CheckedRequest withRunSla(java.time.Duration after, List<io.dataload.config.Hook> onMiss) {
        if (plan == null || after == null) {
            return this;
        }
        List<io.dataload.config.Hook> hooks = !onMiss.isEmpty() || plan.sla() == null ? onMiss : plan.sla().onMiss().hooks();
        return new CheckedRequest(request, resources, plan.withSla(new SlaPlan(after, new HookGroup("OnSlaMiss", hooks,
                Planner.slaBuiltins(plan.fileBaseName(), plan.action())))), actionsChecked, problems, warnings);
    }

    public boolean valid() {
        return problems.isEmpty() && plan != null;
    }
}
