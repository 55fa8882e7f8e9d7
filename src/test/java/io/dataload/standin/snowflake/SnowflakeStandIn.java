package io.dataload.standin.snowflake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import org.duckdb.DuckDBConnection;

/**
 * A protocol-level stand-in for Snowflake, for tests: it speaks enough of Snowflake's HTTP protocol
 * for the unmodified snowflake-jdbc driver over plain HTTP on 127.0.0.1 ({@code ssl=off}) — login
 * with a password or a key-pair JWT (the signature checked against the configured public key),
 * query requests answered with JSON row sets (large results in chunks the driver downloads), PUT
 * answered as a local-filesystem stage, COPY INTO, REMOVE and LIST on that stage, heartbeat and
 * session close — and executes the SQL with an embedded DuckDB. It is not Snowflake: no
 * warehouses, micro-partitions, cloud stages, time travel or Snowflake's own SQL functions beyond
 * what DuckDB shares with it.
 */
public final class SnowflakeStandIn implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    /** Who may log in, where the data lives, and the faults to play. */
    public static final class Config {
        String account = "TESTACCT";
        String user = "DATALOAD";
        String password;
        PublicKey publicKey;
        String database = "MYDB";
        List<String> schemas = List.of("PUBLIC");
        Path dir;
        /** Results larger than this many rows are sent in chunks the driver downloads. */
        int rowsPerChunk = 10_000;

        public Config account(String value) {
            account = value;
            return this;
        }

        public Config user(String value) {
            user = value;
            return this;
        }

        public Config password(String value) {
            password = value;
            return this;
        }

        public Config publicKey(PublicKey value) {
            publicKey = value;
            return this;
        }

        public Config database(String value) {
            database = value;
            return this;
        }

        public Config schemas(String... values) {
            schemas = List.of(values);
            return this;
        }

        public Config dir(Path value) {
            dir = value;
            return this;
        }

        public Config rowsPerChunk(int value) {
            rowsPerChunk = value;
            return this;
        }
    }

    /** Faults a test can switch on: a PUT that uploads nothing, a COPY that loads fewer rows than the file has. */
    public static final class Faults {
        public volatile boolean skipUploads;
        public volatile int rowsLostByCopy;
    }

    private final Config config;
    private final HttpServer server;
    private final DuckDBConnection root;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Path> chunks = new ConcurrentHashMap<>();
    private final List<String> statements = new CopyOnWriteArrayList<>();
    /** Stored procedures by name: their statements, run in the calling session. */
    final Map<String, List<String>> procedures = new ConcurrentHashMap<>();
    private final List<String> logins = new CopyOnWriteArrayList<>();
    final Faults faults = new Faults();
    final Stage stage;

    private SnowflakeStandIn(Config config, int port) throws IOException, SQLException {
        this.config = config;
        Files.createDirectories(config.dir);
        this.stage = new Stage(config.dir.resolve("stages"));
        // DuckDB names the catalog after the file: MYDB.PUBLIC.T resolves as in Snowflake
        root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:"
                + config.dir.resolve(config.database.toLowerCase() + ".duckdb"));
        try (Statement statement = root.createStatement()) {
            for (String schema : config.schemas) {
                statement.execute("create schema if not exists " + schema);
            }
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "snowflake-stand-in");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public static SnowflakeStandIn start(Config config) throws IOException, SQLException {
        return start(config, 0);
    }

    public static SnowflakeStandIn start(Config config, int port) throws IOException, SQLException {
        return new SnowflakeStandIn(config, port);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL the driver reaches it at ({@code http://127.0.0.1:PORT}). */
    public String endpoint() {
        return "http://127.0.0.1:" + port();
    }

    public Config config() {
        return config;
    }

    public Faults faults() {
        return faults;
    }

    /** Every SQL text received, in order. */
    public List<String> statements() {
        return List.copyOf(statements);
    }

    /** Every login, as "password USER" or "jwt USER". */
    public List<String> logins() {
        return List.copyOf(logins);
    }

    /** A connection of the stand-in's own to its DuckDB database, for assertions. */
    public Connection database() throws SQLException {
        Connection connection = root.duplicate();
        try (Statement statement = connection.createStatement()) {
            statement.execute("use " + config.database + "." + config.schemas.get(0));
        }
        return connection;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (path.equals("/session/v1/login-request")) {
                reply(exchange, login(readJson(exchange), query));
            } else if (path.equals("/queries/v1/query-request")) {
                Session session = session(exchange);
                reply(exchange, session == null ? sessionGone() : query(session, readJson(exchange)));
            } else if (path.startsWith("/chunks/")) {
                chunk(exchange, path.substring("/chunks/".length()));
            } else if (path.equals("/session/heartbeat") || path.equals("/telemetry/send")) {
                exchange.getRequestBody().readAllBytes();
                reply(exchange, JSON.createObjectNode().put("success", true));
            } else if (path.equals("/session") && "true".equals(query.get("delete"))) {
                Session session = session(exchange);
                if (session != null) {
                    sessions.values().remove(session);
                    session.close();
                }
                reply(exchange, JSON.createObjectNode().put("success", true));
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        } catch (RuntimeException | SQLException e) {
            reply(exchange, Replies.error("000603", "XX000", "stand-in failure: " + e));
        } finally {
            exchange.close();
        }
    }

    private JsonNode login(JsonNode request, Map<String, String> query) throws SQLException {
        JsonNode data = request.path("data");
        String account = data.path("ACCOUNT_NAME").asText();
        String user = data.path("LOGIN_NAME").asText();
        String failure = null;
        if (!account.equalsIgnoreCase(config.account)) {
            failure = "Incorrect username or password was specified.";
        } else if (!user.equalsIgnoreCase(config.user)) {
            failure = "Incorrect username or password was specified.";
        } else if ("SNOWFLAKE_JWT".equals(data.path("AUTHENTICATOR").asText())) {
            failure = config.publicKey == null ? "JWT token is invalid." : KeyPairLogin.verify(data.path("TOKEN").asText(),
                    config.account, config.user, config.publicKey);
            if (failure == null) {
                logins.add("jwt " + user.toUpperCase());
            }
        } else if (config.password == null || !config.password.equals(data.path("PASSWORD").asText())) {
            failure = "Incorrect username or password was specified.";
        } else {
            logins.add("password " + user.toUpperCase());
        }
        if (failure != null) {
            ObjectNode reply = JSON.createObjectNode().put("success", false).put("code", "390100").put("message", failure);
            reply.putNull("data");
            return reply;
        }
        String database = query.getOrDefault("databaseName", config.database).toUpperCase();
        String schema = query.getOrDefault("schemaName", config.schemas.get(0)).toUpperCase();
        Session session = new Session(this, root.duplicate(), database, schema, query.getOrDefault("warehouse", ""),
                query.getOrDefault("roleName", ""));
        String token = UUID.randomUUID().toString();
        sessions.put(token, session);
        ObjectNode reply = JSON.createObjectNode().put("success", true);
        reply.putNull("code");
        reply.putNull("message");
        ObjectNode out = reply.putObject("data");
        out.put("token", token).put("masterToken", "").put("validityInSeconds", 3600)
                .put("masterValidityInSeconds", 14400).put("sessionId", Math.abs(token.hashCode()))
                .put("serverVersion", "9.0.0");
        ArrayNode parameters = out.putArray("parameters");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("AUTOCOMMIT", true);
        values.put("TIMEZONE", "UTC");
        values.put("CLIENT_SESSION_KEEP_ALIVE", false);
        values.put("CLIENT_TELEMETRY_ENABLED", false);
        values.put("CLIENT_RESULT_CHUNK_SIZE", 16);
        // Snowflake's own defaults: getString() of a timestamp shows milliseconds only unless the client asks
        values.put("TIMESTAMP_OUTPUT_FORMAT", "YYYY-MM-DD HH24:MI:SS.FF3 TZHTZM");
        values.put("TIMESTAMP_NTZ_OUTPUT_FORMAT", "YYYY-MM-DD HH24:MI:SS.FF3");
        values.put("TIMESTAMP_LTZ_OUTPUT_FORMAT", "");
        values.put("TIMESTAMP_TZ_OUTPUT_FORMAT", "");
        values.put("DATE_OUTPUT_FORMAT", "YYYY-MM-DD");
        values.put("TIME_OUTPUT_FORMAT", "HH24:MI:SS");
        // the session parameters the client sent are the session's: Snowflake echoes them
        data.path("SESSION_PARAMETERS").fields().forEachRemaining(field -> values.put(field.getKey().toUpperCase(),
                field.getValue().isNumber() ? field.getValue().numberValue()
                        : field.getValue().isBoolean() ? field.getValue().booleanValue() : numberOrText(field.getValue().asText())));
        values.forEach((name, value) -> {
            ObjectNode parameter = parameters.addObject().put("name", name);
            parameter.set("value", JSON.valueToTree(value));
        });
        ObjectNode info = out.putObject("sessionInfo");
        info.put("databaseName", database).put("schemaName", schema).put("warehouseName", session.warehouse)
                .put("roleName", session.role);
        return reply;
    }

    private static Object numberOrText(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false") ? Boolean.parseBoolean(text) : text;
        }
    }

    private JsonNode query(Session session, JsonNode request) throws IOException {
        String sql = request.path("sqlText").asText();
        statements.add(sql);
        boolean describeOnly = request.path("describeOnly").asBoolean();
        return session.execute(sql, describeOnly, request.path("bindings"));
    }

    /** Registers a result chunk file and returns the URL the driver downloads it from. */
    String chunkUrl(Path file) {
        String id = UUID.randomUUID().toString();
        chunks.put(id, file);
        return endpoint() + "/chunks/" + id;
    }

    Path scratch() throws IOException {
        Path dir = config.dir.resolve("chunks");
        Files.createDirectories(dir);
        return Files.createTempFile(dir, "chunk", ".json");
    }

    int rowsPerChunk() {
        return config.rowsPerChunk;
    }

    private void chunk(HttpExchange exchange, String id) throws IOException {
        Path file = chunks.remove(id);
        if (file == null) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        exchange.sendResponseHeaders(200, Files.size(file));
        try (OutputStream out = exchange.getResponseBody()) {
            Files.copy(file, out);
        }
        Files.deleteIfExists(file);
    }

    private Session session(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null) {
            return null;
        }
        int start = authorization.indexOf("Token=\"");
        if (start < 0) {
            return null;
        }
        String token = authorization.substring(start + 7, authorization.indexOf('"', start + 7));
        return sessions.get(token);
    }

    private static JsonNode sessionGone() {
        return Replies.error("390112", "08001", "Your session has expired. Please login again.");
    }

    private static JsonNode readJson(HttpExchange exchange) throws IOException {
        InputStream body = exchange.getRequestBody();
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        if (encoding != null && encoding.equalsIgnoreCase("gzip")) {
            body = new GZIPInputStream(body);
        }
        byte[] bytes = body.readAllBytes();
        return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
    }

    private static void reply(HttpExchange exchange, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            values.put(key, value);
        }
        return values;
    }

    @Override
    public void close() {
        server.stop(0);
        for (Session session : new ArrayList<>(sessions.values())) {
            session.close();
        }
        sessions.clear();
        try {
            root.close();
        } catch (SQLException e) {
            // closing anyway
        }
    }

    /**
     * Runs a stand-in until killed, for trying the README's Snowflake example by hand or for the
     * benchmarks: {@code SnowflakeStandIn PORT DIR [PASSWORD]}.
     */
    public static void main(String[] args) throws Exception {
        Config config = new Config().dir(Path.of(args.length > 1 ? args[1] : "target/snowflake-stand-in"))
                .password(args.length > 2 ? args[2] : "secret").schemas("PUBLIC", "MYSCHEMA");
        try (SnowflakeStandIn standIn = start(config, args.length > 0 ? Integer.parseInt(args[0]) : 8085)) {
            System.out.println("Snowflake stand-in at " + standIn.endpoint() + ", account " + config.account + ", user "
                    + config.user + ", database " + config.database);
            Thread.currentThread().join();
        }
    }
}
