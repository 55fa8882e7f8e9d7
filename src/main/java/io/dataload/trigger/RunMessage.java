package io.dataload.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dataload.plan.RunRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run request as a queue message (JSON): its id (the run id {@code submit} prints), where the
 * action file is read from, the action and its options as for {@code run}, and who submitted it.
 * Paths are the submitter's; workers read them from a path they all see (a shared volume, an image).
 */
public record RunMessage(String requestId, RunRequest request, String submittedBy, long submittedMs) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The field that says a message is a DataLoad run request, with the format's version. */
    static final String MARKER = "dataload_run_request";

    public String toJson() {
        ObjectNode body = JSON.createObjectNode();
        body.put(MARKER, 1).put("request_id", requestId).put("work_dir", request.workDir().toString())
                .put("action_file", request.actionFile()).put("action", request.action())
                .put("table", request.startingTable()).put("attempt", request.attempt())
                .put("resources", request.resourceFile()).put("database", request.database());
        if (request.pool() != null) {
            body.put("pool", request.pool());
        }
        body.put("log_dir", request.logDir());
        ObjectNode params = body.putObject("params");
        request.params().forEach(params::put);
        body.put("submitted_by", submittedBy).put("submitted_ms", submittedMs);
        return body.toString();
    }

    /** The request in a message; IllegalArgumentException says why a message is not one. */
    public static RunMessage parse(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject() || !root.has(MARKER)) {
            throw new IllegalArgumentException("not a DataLoad run request (no \"" + MARKER + "\" field)");
        }
        String id = text(root, "request_id", true);
        if (!id.matches("[0-9A-HJKMNP-TV-Z]{26}")) {
            throw new IllegalArgumentException("\"request_id\" is not a run id: " + id);
        }
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode given = root.path("params");
        if (!given.isMissingNode() && !given.isNull()) {
            if (!given.isObject()) {
                throw new IllegalArgumentException("\"params\" must be an object");
            }
            given.fields().forEachRemaining(field -> params.put(field.getKey(), field.getValue().asText()));
        }
        int attempt = root.path("attempt").asInt(1);
        Integer pool = root.hasNonNull("pool") ? root.path("pool").asInt() : null;
        RunRequest request = new RunRequest("dataload", "worker", Path.of(text(root, "work_dir", true)),
                text(root, "resources", false), text(root, "action_file", true), text(root, "action", true),
                text(root, "table", false), attempt, params, text(root, "database", false), pool,
                root.hasNonNull("log_dir") ? root.path("log_dir").asText() : "logs", false,
                List.of("submit", "request " + id));
        return new RunMessage(id, request, text(root, "submitted_by", false), root.path("submitted_ms").asLong(0));
    }

    private static String text(JsonNode root, String key, boolean required) {
        JsonNode value = root.path(key);
        if (value.isMissingNode() || value.isNull()) {
            if (required) {
                throw new IllegalArgumentException("missing \"" + key + "\"");
            }
            return null;
        }
        return value.asText();
    }
}
