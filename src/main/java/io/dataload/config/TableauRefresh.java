package io.dataload.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code {"tableau": {"server": ..., "site": ..., "project": ..., "datasource": NAME | "workbook": NAME,
 * "wait": "30m"}}}: refresh a Tableau data source's (or workbook's) extract and wait for the job. It
 * stands where a script may stand (an action of an entry) and where a handler may (an
 * {@code OnSuccess…} or notification value). Texts may hold placeholders; the personal access token
 * comes from the resource file ({@code Tableau.TokenName}, {@code Tableau.TokenSecret}).
 */
public record TableauRefresh(Map<String, String> fields, Duration waitFor, Duration poll, Location location) implements Hook {

    /** The keys a tableau value may hold. */
    public static final List<String> KEYS = List.of("server", "site", "project", "datasource", "workbook", "wait", "poll",
            "api");
    /** How long a refresh is waited for when the file does not say. */
    public static final Duration DEFAULT_WAIT = Duration.ofMinutes(30);
    /** How often the job is asked about when the file does not say. */
    public static final Duration DEFAULT_POLL = Duration.ofSeconds(5);
    /** The resource-file keys of the personal access token. */
    public static final String TOKEN_NAME = "Tableau.TokenName";
    public static final String TOKEN_SECRET = "Tableau.TokenSecret";

    public String field(String name) {
        return fields.get(name);
    }

    /** "datasource" or "workbook": what is refreshed. */
    public String kind() {
        return fields.containsKey("datasource") ? "datasource" : "workbook";
    }

    @Override
    public String toString() {
        return "tableau refresh of " + kind() + " " + fields.get(kind())
                + (fields.containsKey("project") ? " in project " + fields.get("project") : "");
    }
}
