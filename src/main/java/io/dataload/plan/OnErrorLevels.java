package io.dataload.plan;

import io.dataload.config.Answer;
import io.dataload.config.ErrorPolicy;
import io.dataload.config.ErrorPolicy.Decision;
import io.dataload.config.ErrorRule;
import java.util.ArrayList;
import java.util.List;

/** An entry's {@code OnError} policies in priority order: its action's, its table's, the file's (each may be null). */
public record OnErrorLevels(ErrorPolicy action, ErrorPolicy table, ErrorPolicy file) {

    /** The answer to a failure: the first level with a matching rule decides; none means Stop. */
    public Decision decide(String errorText, int attempt) {
        return ErrorDecider.decide(errorText, attempt, action, table, file);
    }

    /** Every answer any level may give, for finding the runs a plan may chain to. */
    public List<Answer> answers() {
        List<Answer> all = new ArrayList<>();
        for (ErrorPolicy policy : new ErrorPolicy[] {action, table, file}) {
            if (policy != null) {
                policy.rules().stream().map(ErrorRule::answers).forEach(all::addAll);
                if (policy.anyOther() != null) {
                    all.addAll(policy.anyOther());
                }
            }
        }
        return all;
    }
}
