package io.dataload.standin.s3;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for the part of S3's REST API the AWS SDK v2 uses to list, read, write and delete
 * objects, path-style ({@code /bucket/key}): ListObjectsV2 (prefix, max-keys, continuation tokens,
 * {@code encoding-type=url}), GetObject, HeadObject, PutObject (plain bodies and the SDK's
 * {@code aws-chunked} bodies with chunk signatures or trailing checksums), DeleteObject and
 * DeleteObjects. Objects live in memory; every request is recorded.
 */
public final class S3StandIn implements AutoCloseable {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HTTP = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /** An object's bytes and when it was last written. */
    public record StoredObject(byte[] bytes, Instant modified) {
    }

    private final HttpServer server;
    private final Map<String, NavigableMap<String, StoredObject>> buckets = new LinkedHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    public S3StandIn(String... bucketNames) throws IOException {
        for (String bucket : bucketNames) {
            buckets.put(bucket, new ConcurrentSkipListMap<>());
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public NavigableMap<String, StoredObject> bucket(String name) {
        return buckets.get(name);
    }

    public void put(String bucket, String key, byte[] bytes, Instant modified) {
        buckets.get(bucket).put(key, new StoredObject(bytes, modified));
    }

    public List<String> requests() {
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            Map<String, String> params = params(query);
            String method = exchange.getRequestMethod();
            requests.add(method + " " + path + (query == null ? "" : "?" + query));
            String rest = path.substring(1);
            int slash = rest.indexOf('/');
            String bucketName = decode(slash < 0 ? rest : rest.substring(0, slash));
            String key = slash < 0 ? "" : decode(rest.substring(slash + 1));
            NavigableMap<String, StoredObject> bucket = buckets.get(bucketName);
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (bucket == null) {
                error(exchange, 404, "NoSuchBucket", "The specified bucket does not exist");
                return;
            }
            if (key.isEmpty() && method.equals("GET")) {
                list(exchange, bucketName, bucket, params);
            } else if (key.isEmpty() && method.equals("POST") && params.containsKey("delete")) {
                String xml = new String(chunked(exchange) ? unchunk(body) : body, StandardCharsets.UTF_8);
                Matcher keys = Pattern.compile("<Key>(.*?)</Key>", Pattern.DOTALL).matcher(xml);
                while (keys.find()) {
                    bucket.remove(unescapeXml(keys.group(1)));
                }
                reply(exchange, 200, "application/xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><DeleteResult"
                        + " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"></DeleteResult>").getBytes(StandardCharsets.UTF_8));
            } else if (method.equals("PUT")) {
                byte[] bytes = chunked(exchange) ? unchunk(body) : body;
                bucket.put(key, new StoredObject(bytes, Instant.now()));
                exchange.getResponseHeaders().set("ETag", etag(bytes));
                reply(exchange, 200, null, new byte[0]);
            } else if (method.equals("GET") || method.equals("HEAD")) {
                StoredObject object = bucket.get(key);
                if (object == null) {
                    error(exchange, 404, "NoSuchKey", "The specified key does not exist.");
                    return;
                }
                exchange.getResponseHeaders().set("ETag", etag(object.bytes()));
                exchange.getResponseHeaders().set("Last-Modified", HTTP.format(object.modified()));
                exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
                if (method.equals("HEAD")) {
                    exchange.getResponseHeaders().set("Content-Length", String.valueOf(object.bytes().length));
                    exchange.sendResponseHeaders(200, -1);
                } else {
                    reply(exchange, 200, null, object.bytes());
                }
            } else if (method.equals("DELETE")) {
                bucket.remove(key);
                exchange.sendResponseHeaders(204, -1);
            } else {
                error(exchange, 405, "MethodNotAllowed", "not supported by the stand-in: " + method);
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            throw e;
        }
    }

    private void list(HttpExchange exchange, String name, NavigableMap<String, StoredObject> bucket,
            Map<String, String> params) throws IOException {
        String prefix = params.getOrDefault("prefix", "");
        int max = Integer.parseInt(params.getOrDefault("max-keys", "1000"));
        String after = params.get("continuation-token");
        boolean urlEncoded = "url".equals(params.get("encoding-type"));
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult"
                + " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>" + name + "</Name><Prefix>"
                + encodeKey(prefix, urlEncoded) + "</Prefix><MaxKeys>" + max + "</MaxKeys>"
                + (urlEncoded ? "<EncodingType>url</EncodingType>" : ""));
        List<String> keys = new ArrayList<>();
        for (String key : (after == null ? bucket : bucket.tailMap(after, false)).keySet()) {
            if (!key.startsWith(prefix)) {
                if (key.compareTo(prefix) > 0) {
                    break;
                }
                continue;
            }
            keys.add(key);
            if (keys.size() > max) {
                break;
            }
        }
        boolean truncated = keys.size() > max;
        List<String> page = truncated ? keys.subList(0, max) : keys;
        xml.append("<KeyCount>").append(page.size()).append("</KeyCount><IsTruncated>").append(truncated)
                .append("</IsTruncated>");
        if (truncated) {
            xml.append("<NextContinuationToken>").append(escapeXml(page.get(page.size() - 1))).append("</NextContinuationToken>");
        }
        for (String key : page) {
            StoredObject object = bucket.get(key);
            if (object == null) {
                continue;
            }
            xml.append("<Contents><Key>").append(encodeKey(key, urlEncoded)).append("</Key><LastModified>")
                    .append(ISO.format(object.modified())).append("</LastModified><ETag>").append(escapeXml(etag(object.bytes())))
                    .append("</ETag><Size>").append(object.bytes().length).append("</Size><StorageClass>STANDARD"
                    + "</StorageClass></Contents>");
        }
        xml.append("</ListBucketResult>");
        reply(exchange, 200, "application/xml", xml.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean chunked(HttpExchange exchange) {
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        String sha = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
        return (encoding != null && encoding.contains("aws-chunked")) || (sha != null && sha.startsWith("STREAMING-"));
    }

    /** An aws-chunked body: {@code hex-size[;chunk-signature=...]CRLF data CRLF}, ..., a zero chunk, then trailers. */
    static byte[] unchunk(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
        int at = 0;
        while (at < body.length) {
            int end = indexOfCrlf(body, at);
            if (end < 0) {
                throw new IOException("aws-chunked: no chunk header at " + at);
            }
            String header = new String(body, at, end - at, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(header.split(";", 2)[0].strip(), 16);
            at = end + 2;
            if (size == 0) {
                break; // trailers (checksums) follow
            }
            out.write(body, at, size);
            at += size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrlf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static String etag(byte[] bytes) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes)) + "\"";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void reply(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        reply(exchange, status, "application/xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code
                + "</Code><Message>" + message + "</Message></Error>").getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> params(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            params.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return params;
    }

    /** Percent-decoding of a URI part ({@code +} stays a plus, as S3 reads paths). */
    static String decode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '%' && i + 2 < text.length()) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] bytes = String.valueOf(ch).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String encodeKey(String key, boolean url) {
        return url ? URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20") : escapeXml(key);
    }

    private static String escapeXml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String unescapeXml(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }

    public static void main(String[] args) throws Exception {
        S3StandIn s3 = new S3StandIn(args.length == 0 ? new String[] {"lake"} : args);
        System.out.println("S3 stand-in at " + s3.endpoint());
        Thread.currentThread().join();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
