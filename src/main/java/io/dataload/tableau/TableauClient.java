package io.dataload.tableau;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Tableau's REST API in its JSON form ({@code Accept: application/json}) for one site: sign in with a
 * personal access token, find a data source or workbook by project and name, start its extract
 * refresh, find the refresh already running for it, read a job, sign out. A call answered "invalid
 * or expired token" signs in again once and is repeated.
 */
public final class TableauClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int PAGE = 100;

    /** A job's state: progress 0-100, finished or not, Tableau's finish code (0 success, 1 failed, 2 cancelled). */
    public record Job(String id, int progress, boolean finished, int finishCode, String notes) {
    }

    /** What starting a refresh gave: the job's id, or null when one for the same item is already queued. */
    public record Refresh(String jobId) {
        public boolean alreadyQueued() {
            return jobId == null;
        }
    }

    private final TableauSite site;
    private final HttpClient http;
    private String token;
    private String siteId;

    public TableauClient(TableauSite site) {
        this.site = site;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    public TableauSite site() {
        return site;
    }

    /** Signs in when not signed in yet (a session is shared by every refresh of the run). */
    public synchronized void signIn() throws TableauException, IOException, InterruptedException {
        if (token == null) {
            signInNow();
        }
    }

    private void signInNow() throws TableauException, IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode credentials = body.putObject("credentials");
        credentials.put("personalAccessTokenName", site.tokenName()).put("personalAccessTokenSecret", site.tokenSecret());
        credentials.putObject("site").put("contentUrl", site.site());
        JsonNode answer = send("POST", "/auth/signin", body.toString(), null);
        JsonNode signedIn = answer.path("credentials");
        token = signedIn.path("token").asText(null);
        siteId = signedIn.path("site").path("id").asText(null);
        if (token == null || siteId == null) {
            throw new TableauException(200, null, "the sign-in answer has no token or site id");
        }
    }

    /** Signs out (best effort): the token's one session is free again. */
    public synchronized void signOut() {
        if (token == null) {
            return;
        }
        try {
            send("POST", "/auth/signout", "", token);
        } catch (TableauException | IOException e) {
            // the session expires on its own
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            token = null;
        }
    }

    /** The id of the data source or workbook named {@code name} (in {@code project}, when given); fails naming what it looked for. */
    public String find(String kind, String project, String name) throws TableauException, IOException, InterruptedException {
        String plural = kind + "s";
        boolean filterable = !(name + (project == null ? "" : project)).matches("(?s).*[,&].*");
        List<JsonNode> found = new ArrayList<>();
        List<String> projects = new ArrayList<>();
        for (int page = 1; ; page++) {
            String filter = filterable ? "&filter=name:eq:" + encode(name)
                    + (project == null ? "" : ",projectName:eq:" + encode(project)) : "";
            JsonNode answer = call("GET", "/sites/" + siteId() + "/" + plural + "?pageSize=" + PAGE + "&pageNumber=" + page
                    + filter, null);
            for (JsonNode item : answer.path(plural).path(kind)) {
                if (item.path("name").asText().equals(name)) {
                    String in = item.path("project").path("name").asText();
                    projects.add(in);
                    if (project == null || in.equals(project)) {
                        found.add(item);
                    }
                }
            }
            long total = answer.path("pagination").path("totalAvailable").asLong(0);
            if ((long) page * PAGE >= total) {
                break;
            }
        }
        String what = kind.equals("datasource") ? "data source" : "workbook";
        if (found.isEmpty() && project != null && filterable) {
            // say where one of that name is, when it is in another project
            JsonNode answer = call("GET", "/sites/" + siteId() + "/" + plural + "?pageSize=" + PAGE + "&filter=name:eq:"
                    + encode(name), null);
            for (JsonNode item : answer.path(plural).path(kind)) {
                if (item.path("name").asText().equals(name)) {
                    projects.add(item.path("project").path("name").asText());
                }
            }
        }
        if (found.isEmpty()) {
            throw new TableauException(404, "404004", what + " \"" + name + "\" not found"
                    + (project == null ? "" : " in project \"" + project + "\"") + " on " + site
                    + (projects.isEmpty() ? "" : " (there is one of that name in project " + String.join(", ", projects) + ")"));
        }
        if (found.size() > 1) {
            throw new TableauException(409, null, found.size() + " " + what + "s are named \"" + name + "\" on " + site
                    + ": name the project (\"project\") to pick one");
        }
        return found.get(0).path("id").asText();
    }

    /** Starts the extract refresh of a data source or workbook. */
    public Refresh refresh(String kind, String id) throws TableauException, IOException, InterruptedException {
        try {
            JsonNode answer = call("POST", "/sites/" + siteId() + "/" + kind + "s/" + id + "/refresh", "{}");
            String job = answer.path("job").path("id").asText(null);
            if (job == null) {
                throw new TableauException(202, null, "the refresh answer names no job");
            }
            return new Refresh(job);
        } catch (TableauException e) {
            if (TableauException.ALREADY_QUEUED.equals(e.code())) {
                return new Refresh(null);
            }
            throw e;
        }
    }

    /** The refresh job already queued or running for the item named {@code title}, or null (it may have just ended). */
    public String runningJob(String title) throws TableauException, IOException, InterruptedException {
        for (String status : List.of("InProgress", "Pending")) {
            JsonNode answer = call("GET", "/sites/" + siteId() + "/jobs?filter=status:eq:" + status, null);
            for (JsonNode job : answer.path("backgroundJobs").path("backgroundJob")) {
                if (job.path("title").asText().equals(title)) {
                    return job.path("id").asText();
                }
            }
        }
        return null;
    }

    public Job job(String id) throws TableauException, IOException, InterruptedException {
        JsonNode job = call("GET", "/sites/" + siteId() + "/jobs/" + id, null).path("job");
        boolean finished = !job.path("completedAt").asText("").isEmpty();
        int code = job.path("finishCode").isMissingNode() ? -1 : job.path("finishCode").asInt(-1);
        String notes = job.path("extractRefreshJob").path("notes").asText("");
        return new Job(id, job.path("progress").asInt(0), finished, code, notes);
    }

    private synchronized String siteId() throws TableauException, IOException, InterruptedException {
        signIn();
        return siteId;
    }

    /** A call with the session's token; an expired token is replaced by a new sign-in, once. */
    private JsonNode call(String method, String path, String body) throws TableauException, IOException, InterruptedException {
        String current;
        synchronized (this) {
            signIn();
            current = token;
        }
        try {
            return send(method, path, body, current);
        } catch (TableauException e) {
            if (e.status() != 401) {
                throw e;
            }
            synchronized (this) {
                if (current.equals(token)) {
                    signInNow();
                }
                current = token;
            }
            return send(method, path, body, current);
        }
    }

    private JsonNode send(String method, String path, String body, String auth)
            throws TableauException, IOException, InterruptedException {
        URI uri;
        try {
            uri = URI.create(site.baseUrl() + "/api/" + site.api() + path);
        } catch (IllegalArgumentException e) {
            throw new TableauException(0, null, "the server \"" + site.server() + "\" is not a valid URL");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json");
        if (auth != null) {
            request.header("X-Tableau-Auth", auth);
        }
        if (method.equals("GET")) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body == null ? "" : body, StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String text = response.body() == null ? "" : response.body();
        if (response.statusCode() / 100 != 2) {
            throw error(response.statusCode(), text, method + " " + path.replaceAll("\\?.*", ""));
        }
        return text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
    }

    private static TableauException error(int status, String text, String call) {
        try {
            JsonNode error = JSON.readTree(text).path("error");
            if (!error.isMissingNode()) {
                String code = error.path("code").asText(null);
                String detail = error.path("detail").asText("");
                return new TableauException(status, code, code + " " + error.path("summary").asText("")
                        + (detail.isEmpty() ? "" : ": " + detail));
            }
        } catch (IOException e) {
            // not JSON: the status says it
        }
        String shown = text.strip();
        return new TableauException(status, null, "HTTP " + status + " from " + call
                + (shown.isEmpty() ? "" : ": " + (shown.length() > 200 ? shown.substring(0, 200) + "..." : shown)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
