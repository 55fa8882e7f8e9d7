package io.dataload.aws;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A local HTTP server answering AWS Query-protocol calls (STS, RDS, Redshift) with canned XML, so
 * the real SDK clients are tested at the wire. Records every request it gets.
 */
public final class FakeAws implements AutoCloseable {
    /** One request as it arrived. */
    public record Request(String method, String path, String authorization, Map<String, String> form) {
        public String action() {
            return form.get("Action");
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public FakeAws(Map<String, Function<Request, String>> answers) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            Map<String, String> form = new java.util.HashMap<>();
            if (target != null) {
                // the AWS JSON protocol (SQS): the action is in the header, the parameters in a JSON body
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).fields()
                        .forEachRemaining(f -> form.put(f.getKey(), f.getValue().asText()));
                form.put("Action", target.substring(target.indexOf('.') + 1));
            } else if (!body.isEmpty()) {
                form.putAll(java.util.Arrays.stream(body.split("&")).map(pair -> pair.split("=", 2))
                        .collect(Collectors.toMap(p -> decode(p[0]), p -> p.length > 1 ? decode(p[1]) : "", (a, b) -> b)));
            }
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), form);
            requests.add(request);
            Function<Request, String> answer = answers.get(request.action());
            String text = answer == null ? "!400 <ErrorResponse><Error><Code>InvalidAction</Code><Message>no fake for "
                    + request.action() + "</Message></Error></ErrorResponse>" : answer.apply(request);
            int status = 200;
            if (text.startsWith("!")) {
                status = Integer.parseInt(text.substring(1, 4));
                text = text.substring(5);
            }
            byte[] xml = text.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", target != null ? "application/x-amz-json-1.0" : "text/xml");
            exchange.sendResponseHeaders(status, xml.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(xml);
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        return requests;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    public static String assumeRole(Request request) {
        return "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult><Credentials>"
                + "<AccessKeyId>ASIAFAKEKEY</AccessKeyId><SecretAccessKey>fakeSecretValue</SecretAccessKey>"
                + "<SessionToken>fakeSessionToken</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration>"
                + "</Credentials><AssumedRoleUser><Arn>" + request.form().get("RoleArn") + "/dataload</Arn>"
                + "<AssumedRoleId>AROAFAKE:dataload</AssumedRoleId></AssumedRoleUser></AssumeRoleResult>"
                + "<ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></AssumeRoleResponse>";
    }

    public static String describeDbInstance(String host, int port) {
        return "<DescribeDBInstancesResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><DescribeDBInstancesResult>"
                + "<DBInstances><DBInstance><DBInstanceIdentifier>x</DBInstanceIdentifier><DBInstanceStatus>available"
                + "</DBInstanceStatus><Endpoint><Address>" + host + "</Address><Port>" + port + "</Port></Endpoint>"
                + "</DBInstance></DBInstances></DescribeDBInstancesResult><ResponseMetadata><RequestId>2</RequestId>"
                + "</ResponseMetadata></DescribeDBInstancesResponse>";
    }

    /** An SQS JSON error, e.g. {@code error("QueueDoesNotExist", "...")}: answer with "!400 " + it. */
    public static String jsonError(String type, String message) {
        return "!400 {\"__type\": \"com.amazonaws.sqs#" + type + "\", \"message\": \"" + message + "\"}";
    }

    public static String describeCluster(String host, int port) {
        return "<DescribeClustersResponse xmlns=\"http://redshift.amazonaws.com/doc/2012-12-01/\"><DescribeClustersResult>"
                + "<Clusters><Cluster><ClusterIdentifier>x</ClusterIdentifier><ClusterStatus>available</ClusterStatus>"
                + "<Endpoint><Address>" + host + "</Address><Port>" + port + "</Port></Endpoint></Cluster></Clusters>"
                + "</DescribeClustersResult><ResponseMetadata><RequestId>3</RequestId></ResponseMetadata>"
                + "</DescribeClustersResponse>";
    }
}
