package io.dataload.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A run's items file, next to its log ({@code <log name>.items.jsonl}): one JSON line for each item of
 * a fan-out when it ends — entry, item, outcome, attempt, times, rows, error (masked). Appended as
 * items end, so a run killed half-way has the lines of the items it finished.
 */
public final class ItemsFile {
    public static final String SUFFIX = ".items.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ItemsFile() {
    }

    public static Path pathFor(Path logFile) {
        return logFile.resolveSibling(logFile.getFileName().toString().replaceFirst("\\.log$", "") + SUFFIX);
    }

    static String line(String entry, String item, AttemptResult result) {
        ObjectNode line = JSON.createObjectNode().put("entry", entry).put("item", item)
                .put("outcome", result.outcome().word()).put("attempt", result.attempt())
                .put("started", result.started() == null ? null : result.started().toString())
                .put("finished", result.finished() == null ? null : result.finished().toString())
                .put("rows", result.rows()).put("error", result.error());
        return line + "\n";
    }

    /**
     * Adds to {@code outcomes} (entry, then item, to its outcome word) what the items file next to the
     * results file {@code results} recorded, for the items not in it yet: read newest run first, the newest outcome
     * of an item wins.
     */
    public static void read(Path results, Map<String, Map<String, String>> outcomes) throws IOException {
        Path file = results.resolveSibling(results.getFileName().toString().replace(RunResultsFile.SUFFIX, SUFFIX));
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Map<String, Map<String, String>> here = new java.util.HashMap<>();
            String text;
            while ((text = in.readLine()) != null) {
                if (text.isBlank()) {
                    continue;
                }
                JsonNode line;
                try {
                    line = JSON.readTree(text);
                } catch (IOException e) {
                    // the last line of a killed run may be cut short
                    continue;
                }
                here.computeIfAbsent(line.path("entry").asText(), k -> new java.util.HashMap<>())
                        .put(line.path("item").asText(), line.path("outcome").asText());
            }
            here.forEach((entry, items) -> {
                Map<String, String> known = outcomes.computeIfAbsent(entry, k -> new java.util.HashMap<>());
                items.forEach(known::putIfAbsent);
            });
        } catch (NoSuchFileException e) {
            // a run without fan-out has no items file
        }
    }
}
