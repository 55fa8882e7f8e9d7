package io.dataload.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** Slack incoming webhooks and ServiceNow's Table API, over the JDK's HTTP client. */
final class HttpNotifier {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpClient client;

    /** Built on first use: setting up TLS costs a run that sends nothing a noticeable start-up time. */
    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        }
        return client;
    }

    /** Posts {@code {"text": ..., "channel": ...}} to the webhook. */
    String slack(Map<String, String> fields) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("text", fields.get("text"));
        if (fields.get("channel") != null) {
            body.put("channel", fields.get("channel"));
        }
        post(uri(fields.get("webhook"), "webhook"), body.toString(), null);
        return "message sent";
    }

    /**
     * Creates an incident through {@code POST /api/now/table/incident} and returns its number; with a
     * {@code correlation_id}, an open incident of that id is updated instead (its work notes get the
     * new text), so that a failure reported again does not open a second incident.
     */
    String serviceNow(Map<String, String> fields) throws IOException, InterruptedException {
        String correlation = fields.get("correlation_id");
        if (correlation == null) {
            return createOrUpdate(fields);
        }
        // parallel entries failing together: the second must find the incident the first opened
        synchronized (incidentLocks.computeIfAbsent(correlation, key -> new Object())) {
            return createOrUpdate(fields);
        }
    }

    private final java.util.concurrent.ConcurrentMap<String, Object> incidentLocks =
            new java.util.concurrent.ConcurrentHashMap<>();

    private String createOrUpdate(Map<String, String> fields) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        for (String key : new String[] {"short_description", "description", "assignment_group", "urgency", "impact",
                "correlation_id"}) {
            if (fields.get(key) != null) {
                body.put(key, fields.get(key));
            }
        }
        String credentials = "Basic " + Base64.getEncoder().encodeToString(
                (fields.get("user") + ":" + fields.get("password")).getBytes(StandardCharsets.UTF_8));
        String table = fields.get("instance") == null ? null : instance(fields.get("instance")) + "/api/now/table/incident";
        String correlation = fields.get("correlation_id");
        if (correlation != null) {
            body.put("correlation_display", "DataLoad");
            String query = "?sysparm_query=" + java.net.URLEncoder.encode("correlation_id=" + correlation + "^active=true",
                    StandardCharsets.UTF_8) + "&sysparm_fields=sys_id,number&sysparm_limit=1";
            JsonNode open = JSON.readTree(send("GET", uri(table == null ? null : table + query, "instance"), null,
                    credentials)).path("result").path(0);
            if (!open.isMissingNode()) {
                ObjectNode update = JSON.createObjectNode().put("work_notes", "Failed again: "
                        + fields.getOrDefault("short_description", "") + (fields.get("description") == null ? ""
                        : "\n" + fields.get("description")));
                send("PATCH", uri(table + "/" + open.path("sys_id").asText(), "instance"), update.toString(), credentials);
                return "incident " + open.path("number").asText() + " updated (correlation id " + correlation + ")";
            }
        }
        String answer = send("POST", uri(table, "instance"), body.toString(), credentials);
        JsonNode number = JSON.readTree(answer).path("result").path("number");
        return "incident " + (number.isMissingNode() ? "created" : number.asText() + " created");
    }

    /** A bare instance name ("dev12345") means its service-now.com address. */
    static String instance(String instance) {
        String base = instance.contains("://") ? instance : "https://" + instance + ".service-now.com";
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** A URL the client can use, else a permanent failure naming the field. */
    private static URI uri(String text, String field) throws PermanentFailure {
        if (text == null || text.isBlank()) {
            throw new PermanentFailure("no " + field + " given");
        }
        try {
            URI uri = new URI(text.strip());
            if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
                throw new PermanentFailure("the " + field + " is not an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new PermanentFailure("the " + field + " is not a valid URL: " + e.getReason());
        }
    }

    private String post(URI uri, String body, String authorization) throws IOException, InterruptedException {
        return send("POST", uri, body, authorization);
    }

    private String send(String method, URI uri, String body, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json");
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = client().send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            String text = response.body() == null ? "" : response.body().strip();
            String message = "HTTP " + response.statusCode() + (text.isEmpty() ? ""
                    : ": " + (text.length() > 200 ? text.substring(0, 200) + "..." : text));
            throw PermanentFailure.permanent(response.statusCode()) ? new PermanentFailure(message)
                    : new IOException(message);
        }
        return response.body();
    }
}
