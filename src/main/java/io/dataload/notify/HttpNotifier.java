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

    /** Creates an incident through {@code POST /api/now/table/incident}; returns its number. */
    String serviceNow(Map<String, String> fields) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        for (String key : new String[] {"short_description", "description", "assignment_group", "urgency", "impact"}) {
            if (fields.get(key) != null) {
                body.put(key, fields.get(key));
            }
        }
        String credentials = Base64.getEncoder().encodeToString(
                (fields.get("user") + ":" + fields.get("password")).getBytes(StandardCharsets.UTF_8));
        String answer = post(uri(fields.get("instance") == null ? null : instance(fields.get("instance")) + "/api/now/table/incident", "instance"), body.toString(),
                "Basic " + credentials);
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
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
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
