package io.dataload.config;

import java.util.List;
import java.util.stream.Collectors;

/** The user's input is wrong; carries every problem found so they can be reported together (exit 2). */
public class ConfigException extends Exception {
    private final transient List<Problem> problems;

    public ConfigException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public ConfigException(Location location, String message) {
        this(List.of(new Problem(location, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
