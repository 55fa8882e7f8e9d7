package io.dataload.standin.tableau;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for the Tableau REST API in its JSON form, for tests: personal-access-token
 * sign-in (one session per token: a second sign-in ends the first, as on Tableau), data sources and
 * workbooks queried by name and project filters, extract refreshes answered 202 with a job, the
 * "already queued" conflict (409093) while one runs, the background-job list and each job's progress,
 * finish code and completion time. Every request is recorded.
 */
public final class TableauStandIn implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH = Pattern.compile("/api/(\\d+\\.\\d+)(/.*)");

    /** A request as received: method, path after the version, query, the X-Tableau-Auth header. */
    public record Request(String method, String path, String query, String auth) {
    }

    private record Item(String id, String kind, String name, String project) {
    }

    private static final class Job {
        final String id;
        final String title;
        final int finishCode;
        final int polls;
        int polled;

        Job(String id, String title, int finishCode, int polls) {
            this.id = id;
            this.title = title;
            this.finishCode = finishCode;
            this.polls = polls;
        }

        boolean finished() {
            return polled >= polls;
        }
    }

    private final HttpServer server;
    private final String siteId = UUID.randomUUID().toString();
    private final String site;
    private final String tokenName;
    private final String tokenSecret;
    private final List<Item> items = new CopyOnWriteArrayList<>();
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger signIns = new AtomicInteger();
    private volatile String session;
    /** How the next refreshes end: finish code (0 success, 1 failed, 2 cancelled) after that many polls. */
    private volatile int finishCode = 0;
    private volatile int polls = 2;

    public TableauStandIn(String site, String tokenName, String tokenSecret) throws IOException {
        this(site, tokenName, tokenSecret, 0);
    }

    public TableauStandIn(String site, String tokenName, String tokenSecret, int port) throws IOException {
        this.site = site;
        this.tokenName = tokenName;
        this.tokenSecret = tokenSecret;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "tableau-stand-in");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public TableauStandIn datasource(String name, String project) {
        items.add(new Item(UUID.randomUUID().toString(), "datasource", name, project));
        return this;
    }

    public TableauStandIn workbook(String name, String project) {
        items.add(new Item(UUID.randomUUID().toString(), "workbook", name, project));
        return this;
    }

    /** The next refresh jobs end with {@code code} after {@code afterPolls} reads of their state. */
    public TableauStandIn jobsEnd(int code, int afterPolls) {
        finishCode = code;
        polls = afterPolls;
        return this;
    }

    /** A refresh of {@code name} already queued by someone else, running until read {@code afterPolls} times. */
    public String alreadyRunning(String name, int afterPolls) {
        Job job = new Job(UUID.randomUUID().toString(), name, 0, afterPolls);
        jobs.put(job.id, job);
        return job.id;
    }

    public int signIns() {
        return signIns.get();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String method, String pathPart) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().contains(pathPart)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            String method = exchange.getRequestMethod();
            String query = exchange.getRequestURI().getRawQuery();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!path.matches()) {
                reply(exchange, 404, error("404000", "Not Found", "no such path"));
                return;
            }
            String rest = path.group(2);
            requests.add(new Request(method, rest, query, exchange.getRequestHeaders().getFirst("X-Tableau-Auth")));
            if (!"application/json".equals(exchange.getRequestHeaders().getFirst("Accept"))) {
                reply(exchange, 406, error("406000", "Not Acceptable", "this stand-in speaks JSON only"));
                return;
            }
            if (method.equals("POST") && rest.equals("/auth/signin")) {
                signIn(exchange, JSON.readTree(body));
                return;
            }
            String auth = exchange.getRequestHeaders().getFirst("X-Tableau-Auth");
            if (auth == null || !auth.equals(session)) {
                reply(exchange, 401, error("401002", "Unauthorized Access", "Invalid authentication credentials were"
                        + " provided."));
                return;
            }
            if (method.equals("POST") && rest.equals("/auth/signout")) {
                session = null;
                reply(exchange, 204, null);
                return;
            }
            String prefix = "/sites/" + siteId;
            if (!rest.startsWith(prefix + "/")) {
                reply(exchange, 404, error("404000", "Site not found", "no site " + rest));
                return;
            }
            route(exchange, method, rest.substring(prefix.length()), query(query));
        } finally {
            exchange.close();
        }
    }

    private void signIn(HttpExchange exchange, JsonNode body) throws IOException {
        JsonNode credentials = body.path("credentials");
        if (!tokenName.equals(credentials.path("personalAccessTokenName").asText())
                || !tokenSecret.equals(credentials.path("personalAccessTokenSecret").asText())
                || !site.equals(credentials.path("site").path("contentUrl").asText())) {
            reply(exchange, 401, error("401001", "Signin Error", "Error signing in to Tableau Server"));
            return;
        }
        signIns.incrementAndGet();
        // a personal access token has one session: this sign-in ends the one before
        session = UUID.randomUUID().toString();
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode out = answer.putObject("credentials");
        out.put("token", session);
        out.putObject("site").put("id", siteId).put("contentUrl", site);
        out.putObject("user").put("id", UUID.randomUUID().toString());
        reply(exchange, 200, answer);
    }

    private void route(HttpExchange exchange, String method, String rest, Map<String, String> query) throws IOException {
        Matcher refresh = Pattern.compile("/(datasource|workbook)s/([^/]+)/refresh").matcher(rest);
        if (method.equals("GET") && (rest.equals("/datasources") || rest.equals("/workbooks"))) {
            list(exchange, rest.substring(1, rest.length() - 1), query);
        } else if (method.equals("POST") && refresh.matches()) {
            refresh(exchange, refresh.group(2));
        } else if (method.equals("GET") && rest.equals("/jobs")) {
            String status = query.getOrDefault("filter", "").replace("status:eq:", "");
            ObjectNode answer = JSON.createObjectNode();
            ArrayNode list = answer.putObject("backgroundJobs").putArray("backgroundJob");
            for (Job job : jobs.values()) {
                if (!job.finished() && (status.equals("InProgress") || status.isEmpty())) {
                    list.addObject().put("id", job.id).put("status", "InProgress").put("jobType", "refresh_extracts")
                            .put("title", job.title).put("progress", progress(job));
                }
            }
            reply(exchange, 200, answer);
        } else if (method.equals("GET") && rest.startsWith("/jobs/")) {
            Job job = jobs.get(rest.substring("/jobs/".length()));
            if (job == null) {
                reply(exchange, 404, error("404004", "Resource Not Found", "no job " + rest));
                return;
            }
            ObjectNode answer = JSON.createObjectNode();
            ObjectNode out = answer.putObject("job");
            synchronized (job) {
                job.polled++;
                out.put("id", job.id).put("type", "RefreshExtract").put("mode", "Asynchronous")
                        .put("progress", String.valueOf(progress(job))).put("createdAt", "2026-01-01T00:00:00Z");
                if (job.finished()) {
                    out.put("completedAt", "2026-01-01T00:01:00Z").put("finishCode", String.valueOf(job.finishCode));
                    out.putObject("extractRefreshJob").put("notes", job.finishCode == 1
                            ? "Unable to connect to the server \"mydb\". Check that the server is running." : "");
                }
            }
            reply(exchange, 200, answer);
        } else {
            reply(exchange, 404, error("404000", "Not Found", method + " " + rest));
        }
    }

    private static int progress(Job job) {
        return job.finished() ? 100 : Math.min(90, job.polled * 100 / Math.max(1, job.polls));
    }

    private void list(HttpExchange exchange, String kind, Map<String, String> query) throws IOException {
        Map<String, String> filters = new LinkedHashMap<>();
        for (String filter : query.getOrDefault("filter", "").split(",")) {
            String[] parts = filter.split(":", 3);
            if (parts.length == 3 && parts[1].equals("eq")) {
                filters.put(parts[0], parts[2]);
            }
        }
        List<Item> found = new ArrayList<>();
        for (Item item : items) {
            if (item.kind().equals(kind) && (!filters.containsKey("name") || filters.get("name").equals(item.name()))
                    && (!filters.containsKey("projectName") || filters.get("projectName").equals(item.project()))) {
                found.add(item);
            }
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.putObject("pagination").put("pageNumber", "1").put("pageSize", "100")
                .put("totalAvailable", String.valueOf(found.size()));
        ArrayNode list = answer.putObject(kind + "s").putArray(kind);
        for (Item item : found) {
            ObjectNode out = list.addObject().put("id", item.id()).put("name", item.name()).put("contentUrl", item.name())
                    .put("hasExtracts", true);
            out.putObject("project").put("id", "p-" + item.project()).put("name", item.project());
        }
        reply(exchange, 200, answer);
    }

    private void refresh(HttpExchange exchange, String id) throws IOException {
        Item item = items.stream().filter(i -> i.id().equals(id)).findFirst().orElse(null);
        if (item == null) {
            reply(exchange, 404, error("404004", "Resource Not Found", "no " + id));
            return;
        }
        for (Job job : jobs.values()) {
            if (job.title.equals(item.name()) && !job.finished()) {
                reply(exchange, 409, error("409093", "Resource Conflict", "Job for '" + item.name()
                        + "' is already queued. Not queuing a duplicate."));
                return;
            }
        }
        Job job = new Job(UUID.randomUUID().toString(), item.name(), finishCode, polls);
        jobs.put(job.id, job);
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode out = answer.putObject("job").put("id", job.id).put("mode", "Asynchronous").put("type", "RefreshExtract")
                .put("createdAt", "2026-01-01T00:00:00Z");
        out.putObject("extractRefreshJob").putObject(item.kind()).put("id", item.id()).put("name", item.name());
        reply(exchange, 202, answer);
    }

    private static ObjectNode error(String code, String summary, String detail) {
        ObjectNode answer = JSON.createObjectNode();
        answer.putObject("error").put("code", code).put("summary", summary).put("detail", detail);
        return answer;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
