package io.dataload.config;

import java.util.List;
import java.util.Optional;

/**
 * An {@code OnError} object: rules in file order, matched by substring against the error text,
 * and the optional {@code AnyOther} fallback.
 */
public record ErrorPolicy(List<ErrorRule> rules, List<Answer> anyOther, Location location) {

    public static final String ANY_OTHER = "AnyOther";

    /**
     * What this level decides for a failure, or empty when it has nothing to say (no matching key
     * and no {@code AnyOther}), so that the next level decides.
     */
    public Optional<Decision> decide(String errorText, int attempt) {
        for (ErrorRule rule : rules) {
            if (errorText.contains(rule.key())) {
                return Optional.of(pick(rule.answers(), attempt, "\"" + rule.key() + "\"", rule.location()));
            }
        }
        if (anyOther != null) {
            return Optional.of(pick(anyOther, attempt, ANY_OTHER, location));
        }
        return Optional.empty();
    }

    private static Decision pick(List<Answer> answers, int attempt, String key, Location where) {
        if (attempt >= 1 && attempt <= answers.size()) {
            return new Decision(answers.get(attempt - 1), key, where);
        }
        return new Decision(new Answer.Stop(where), key + " (no answer for attempt " + attempt + ")", where);
    }

    /** The answer chosen, which key chose it, and where that key is written. */
    public record Decision(Answer answer, String key, Location location) {
    }
}
