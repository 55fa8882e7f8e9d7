package io.dataload.plan;

import io.dataload.config.Problem;
import io.dataload.config.TableauRefresh;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code tableau} value checked and resolved: its texts' placeholders, the personal access token in
 * the resource file. The same for an action and for a handler.
 */
public final class TableauTargets {
    /** The REST API version used when neither the value nor {@code Tableau.ApiVersion} names one (Tableau 2023.1). */
    public static final String DEFAULT_API = "3.19";

    private TableauTargets() {
    }

    /** What is wrong with the value for this resolver: placeholders, a missing token key. */
    public static List<Problem> check(TableauRefresh refresh, PlaceholderResolver resolver, Map<String, String> builtins) {
        List<Problem> problems = new ArrayList<>();
        for (String text : refresh.fields().values()) {
            problems.addAll(resolver.check(text, builtins, refresh.location(), false));
        }
        for (String key : List.of(TableauRefresh.TOKEN_NAME, TableauRefresh.TOKEN_SECRET)) {
            String value = resolver.resources().get(key);
            if (value == null || value.isBlank()) {
                problems.add(new Problem(refresh.location(), "tableau: " + key + " is missing from the resource file (-r):"
                        + " the refresh signs in with a personal access token (Tableau.TokenName, Tableau.TokenSecret)"));
            }
        }
        return problems;
    }

    /** The refresh with its texts resolved and the token taken from the resource file. */
    public static PlannedAction.RefreshTableau resolve(TableauRefresh refresh, PlaceholderResolver resolver,
            Map<String, String> builtins) {
        Map<String, String> resources = resolver.resources();
        String site = refresh.field("site") == null ? "" : resolver.apply(refresh.field("site"), builtins).strip();
        String api = refresh.field("api") != null ? resolver.apply(refresh.field("api"), builtins)
                : resources.getOrDefault("Tableau.ApiVersion", DEFAULT_API);
        String project = refresh.field("project") == null ? null : resolver.apply(refresh.field("project"), builtins);
        return new PlannedAction.RefreshTableau(resolver.apply(refresh.field("server"), builtins).strip(),
                site, project, refresh.kind(), resolver.apply(refresh.field(refresh.kind()), builtins), api.strip(),
                refresh.waitFor(), refresh.poll(), resources.get(TableauRefresh.TOKEN_NAME),
                resources.get(TableauRefresh.TOKEN_SECRET));
    }
}
