package io.dataload.plan;

import java.util.Map;

/**
 * An action run once per item of a source: where the items come from, how many run at once, and
 * how one item's action is made — the same action with {@code #item#}, {@code #item.name#} and
 * {@code #item.COLUMN#} standing for that item's values (inserted once, never expanded again).
 */
public record Fanout(Source source, int concurrency, ItemPlanner perItem) {

    /**
     * Where the items come from, its text resolved: {@code files} (an absolute glob), {@code s3}
     * (s3://bucket/prefix/) or {@code query} (SQL on the action's database).
     */
    public record Source(String kind, String value) {
        @Override
        public String toString() {
            return switch (kind) {
                case "files" -> "files " + value;
                case "s3" -> "objects under " + value;
                default -> "rows of the query " + value.strip().replaceAll("\\s+", " ");
            };
        }
    }

    /** Makes one item's action from the item's values ({@code item}, {@code item.name}, ...). */
    @FunctionalInterface
    public interface ItemPlanner {
        PlannedAction plan(Map<String, String> itemValues);
    }
}
