package io.dataload.report;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * A real headless Chromium (Debian's package) driven over the DevTools protocol: open a page,
 * collect its console errors and exceptions, evaluate JavaScript in it, take a screenshot. Without
 * Chromium the test is skipped with the reason, except in CI, where it must run.
 */
final class Chromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();

    private final Path profile;

    private Chromium(Process process, WebSocket socket, Path profile) {
        this.process = process;
        this.socket = socket;
        this.profile = profile;
    }

    /**
     * Starts a headless Chromium with a profile of its own under the system's temp folder (not the
     * test's: the browser's helpers can still be writing there when JUnit deletes the test folder).
     */
    static Chromium start() throws Exception {
        Path binary = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser")).stream()
                .filter(Files::isExecutable).findFirst().orElse(null);
        if (binary == null) {
            String reason = "Chromium is not installed (apt-get install -y chromium); the report page test needs it";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true: " + reason);
            }
            Assumptions.abort(reason);
        }
        Path profile = Files.createTempDirectory("dataload-chromium-");
        Process process = new ProcessBuilder(binary.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--remote-debugging-port=0",
                "--user-data-dir=" + profile, "--window-size=1400,1000", "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        for (int i = 0; i < 300 && !(Files.exists(portFile) && Files.readAllLines(portFile).size() >= 2); i++) {
            Thread.sleep(100);
        }
        if (!Files.exists(portFile)) {
            process.destroyForcibly();
            throw new IllegalStateException("Chromium did not start: " + Files.readString(profile.resolve("chromium.log")));
        }
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
        HttpClient http = HttpClient.newHttpClient();
        JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        String page = null;
        for (JsonNode target : targets) {
            if (target.path("type").asText().equals("page")) {
                page = target.path("webSocketDebuggerUrl").asText();
            }
        }
        Chromium[] self = new Chromium[1];
        StringBuilder partial = new StringBuilder();
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(page), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    String message = partial.toString();
                    partial.setLength(0);
                    self[0].receive(message);
                }
                webSocket.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        self[0] = new Chromium(process, socket, profile);
        self[0].call("Runtime.enable", Map.of());
        self[0].call("Log.enable", Map.of());
        self[0].call("Page.enable", Map.of());
        return self[0];
    }

    private void receive(String message) {
        try {
            JsonNode node = JSON.readTree(message);
            if (node.has("id")) {
                CompletableFuture<JsonNode> future = pending.remove(node.path("id").asInt());
                if (future != null) {
                    future.complete(node);
                }
                return;
            }
            String method = node.path("method").asText();
            JsonNode params = node.path("params");
            switch (method) {
                case "Runtime.exceptionThrown" -> errors.add("exception: " + params.path("exceptionDetails").toString());
                case "Runtime.consoleAPICalled" -> {
                    if (params.path("type").asText().equals("error")) {
                        errors.add("console.error: " + params.path("args").toString());
                    }
                }
                case "Log.entryAdded" -> {
                    if (params.path("entry").path("level").asText().equals("error")) {
                        errors.add("log: " + params.path("entry").path("text").asText());
                    }
                }
                case "Page.loadEventFired" -> loaded.complete(null);
                default -> { }
            }
        } catch (IOException e) {
            errors.add("unreadable DevTools message: " + message);
        }
    }

    JsonNode call(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> future = new CompletableFuture<>();
        pending.put(id, future);
        ObjectNode message = JSON.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", JSON.valueToTree(params));
        socket.sendText(message.toString(), true).get(10, TimeUnit.SECONDS);
        JsonNode answer = future.get(30, TimeUnit.SECONDS);
        if (answer.has("error")) {
            throw new IllegalStateException(method + ": " + answer.path("error"));
        }
        return answer.path("result");
    }

    /** Opens a URL and waits for its load event. */
    void open(String url) throws Exception {
        loaded = new CompletableFuture<>();
        call("Page.navigate", Map.of("url", url));
        loaded.get(30, TimeUnit.SECONDS);
    }

    /** Evaluates an expression in the page; its value as JSON. */
    JsonNode eval(String expression) throws Exception {
        JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException(expression + ": " + result.path("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    void screenshot(Path file) throws Exception {
        JsonNode shot = call("Page.captureScreenshot", Map.of("format", "png"));
        Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    List<String> errors() {
        return new ArrayList<>(errors);
    }

    /**
     * Stops the browser and every process it started (renderers, the crash handler), and waits for
     * them: one still writing into the profile would make the test's folder impossible to delete.
     */
    @Override
    public void close() {
        socket.abort();
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle child : tree) {
                child.destroyForcibly();
                child.onExit().get(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
        }
        try (var paths = Files.walk(profile)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // a helper still finishing in there: the system's temp cleaning takes it later
        }
    }
}
