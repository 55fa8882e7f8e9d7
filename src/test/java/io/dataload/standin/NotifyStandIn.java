package io.dataload.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Local stand-ins for a Slack incoming webhook ({@code POST /services/...}) and ServiceNow's Table API
 * for incidents ({@code /api/now/table/incident}: create, query by {@code correlation_id}, update by
 * sys_id), with basic authentication checked. Every Slack message and every incident is kept.
 */
public final class NotifyStandIn implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An incident as created, and the work notes added to it since. */
    public record Incident(String sysId, String number, JsonNode created, List<String> workNotes) {
    }

    private final HttpServer server;
    private final String user;
    private final String password;
    private final List<JsonNode> slack = new CopyOnWriteArrayList<>();
    private final Map<String, Incident> incidents = new ConcurrentHashMap<>();

    private volatile java.io.PrintStream printing;

    public NotifyStandIn(String user, String password) throws IOException {
        this(user, password, 0);
    }

    public NotifyStandIn(String user, String password, int port) throws IOException {
        this.user = user;
        this.password = password;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A webhook URL on this stand-in. */
    public String webhook() {
        return url() + "/services/T000/B000/XXXXSECRET";
    }

    /** Prints each message and incident as it arrives (for trying things by hand). */
    public void printing(java.io.PrintStream out) {
        printing = out;
    }

    private void print(String text) {
        if (printing != null) {
            printing.println(text);
        }
    }

    public List<JsonNode> slackMessages() {
        return List.copyOf(slack);
    }

    public List<Incident> incidents() {
        return List.copyOf(incidents.values());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.startsWith("/services/") && method.equals("POST")) {
                slack.add(JSON.readTree(body));
                print("Slack: " + JSON.readTree(body));
                reply(exchange, 200, "ok");
                return;
            }
            if (!path.startsWith("/api/now/table/incident")) {
                reply(exchange, 404, "{\"error\": {\"message\": \"no such table\"}}");
                return;
            }
            String expected = "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                reply(exchange, 401, "{\"error\": {\"message\": \"User Not Authenticated\"}}");
                return;
            }
            ObjectNode answer = JSON.createObjectNode();
            if (method.equals("GET")) {
                String query = URLDecoder.decode(String.valueOf(exchange.getRequestURI().getRawQuery()), StandardCharsets.UTF_8);
                var result = answer.putArray("result");
                for (Incident incident : incidents.values()) {
                    String correlation = incident.created().path("correlation_id").asText("");
                    if (!correlation.isEmpty() && query.contains("correlation_id=" + correlation + "^")) {
                        result.addObject().put("sys_id", incident.sysId()).put("number", incident.number());
                    }
                }
                reply(exchange, 200, answer.toString());
            } else if (method.equals("POST")) {
                String number = String.format("INC%07d", 10001 + incidents.size());
                String sysId = "sys" + number;
                incidents.put(sysId, new Incident(sysId, number, JSON.readTree(body), new CopyOnWriteArrayList<>()));
                print("ServiceNow: incident " + number + " opened: " + JSON.readTree(body));
                answer.putObject("result").put("number", number).put("sys_id", sysId);
                reply(exchange, 201, answer.toString());
            } else if (method.equals("PATCH") || method.equals("PUT")) {
                Incident incident = incidents.get(path.substring(path.lastIndexOf('/') + 1));
                if (incident == null) {
                    reply(exchange, 404, "{\"error\": {\"message\": \"No Record found\"}}");
                    return;
                }
                incident.workNotes().add(JSON.readTree(body).path("work_notes").asText());
                print("ServiceNow: incident " + incident.number() + " updated: " + JSON.readTree(body));
                answer.putObject("result").put("number", incident.number()).put("sys_id", incident.sysId());
                reply(exchange, 200, answer.toString());
            } else {
                reply(exchange, 405, "{}");
            }
        } finally {
            exchange.close();
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
