package io.dataload.schedule;

import io.dataload.config.ConfigException;
import io.dataload.config.Location;
import io.dataload.config.Node;
import io.dataload.config.Problems;
import io.dataload.config.Retry;
import io.dataload.config.Spelling;
import io.dataload.config.YamlTreeReader;
import io.dataload.plan.CheckedRequest;
import io.dataload.plan.FrontDoor;
import io.dataload.plan.RunRequest;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks a schedule file: every problem (YAML, an unknown key or zone, a bad cron line,
 * a missing field, and whatever the front door finds in each job's action file) is reported
 * together with its file, line and column, before anything runs.
 */
public final class ScheduleReader {
    private static final List<String> TOP = List.of("timezone", "jobs");
    private static final List<String> JOB = List.of("name", "cron", "run", "overlap", "catchup", "timeout", "timezone",
            "sla", "OnSlaMiss");
    private static final List<String> RUN = List.of("file", "action", "resources", "params", "table", "db", "attempt");

    private final Path workDir;
    private final String logDir;
    private final String state;
    private final Problems problems = new Problems();

    public ScheduleReader(Path workDir, String logDir, String state) {
        this.workDir = workDir;
        this.logDir = logDir;
        this.state = state;
    }

    public Schedule read(String display) throws ConfigException {
        Path path = workDir.resolve(display);
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(Location.file(Path.of(display)), "file not found");
        } catch (MalformedInputException e) {
            throw new ConfigException(Location.file(Path.of(display)), "not a UTF-8 text file");
        } catch (IOException e) {
            throw new ConfigException(Location.file(Path.of(display)), "cannot read: " + e.getMessage());
        }
        Node root = new YamlTreeReader(display).read(text);
        if (!root.isObject()) {
            throw new ConfigException(root.location(), "a schedule is a mapping with \"jobs\", found " + root.typeName());
        }
        keys(root, TOP, "");
        ZoneId zone = zone(root.fields().get("timezone"), ZoneOffset.UTC);
        List<Schedule.Job> jobs = new ArrayList<>();
        Node list = root.fields().get("jobs");
        if (list == null || !list.isArray() || list.items().isEmpty()) {
            problems.add(list == null ? root.location() : list.location(), "\"jobs\" must be a list of at least one job");
        } else {
            Set<String> names = new HashSet<>();
            for (Node item : list.items()) {
                Schedule.Job job = job(item, zone);
                if (job != null && !names.add(job.name())) {
                    problems.add(item.location(), "job \"" + job.name() + "\" is defined twice");
                } else if (job != null) {
                    jobs.add(job);
                }
            }
        }
        problems.throwIfAny();
        return new Schedule(display, List.copyOf(jobs));
    }

    /** Warnings found on the way (misspelt keys in the jobs' action files). */
    public List<io.dataload.config.Problem> warnings() {
        return problems.warnings();
    }

    private Schedule.Job job(Node item, ZoneId defaultZone) {
        if (!item.isObject()) {
            problems.add(item.location(), "a job is a mapping with name, cron and run, found " + item.typeName());
            return null;
        }
        Map<String, Node> fields = item.fields();
        keys(item, JOB, "job: ");
        String name = text(fields.get("name"), item.location(), "name");
        String label = "job \"" + (name == null ? "?" : name) + "\": ";
        ZoneId zone = zone(fields.get("timezone"), defaultZone);
        FireTimes times = null;
        Node cron = fields.get("cron");
        String line = text(cron, item.location(), "cron");
        if (line != null) {
            try {
                times = FireTimes.of(line, zone);
            } catch (IllegalArgumentException e) {
                problems.add(cron.location(), label + "cron: " + e.getMessage());
            }
        }
        Schedule.Overlap overlap = choice(fields.get("overlap"), Schedule.Overlap.class, Schedule.Overlap.SKIP, label);
        Schedule.Catchup catchup = choice(fields.get("catchup"), Schedule.Catchup.class, Schedule.Catchup.NONE, label);
        Duration timeout = null;
        Node timeoutNode = fields.get("timeout");
        if (timeoutNode != null) {
            timeout = timeoutNode.isString() ? Retry.parseDuration(timeoutNode.text()) : null;
            if (timeout == null) {
                problems.add(timeoutNode.location(), label + "timeout must be a duration such as 30s, 10m or 2h");
            }
        }
        io.dataload.config.Sla sla = null;
        Node slaNode = fields.get("sla");
        List<io.dataload.config.Hook> onMiss = new io.dataload.config.HookReader(problems).readHooks(fields.get("OnSlaMiss"),
                "OnSlaMiss");
        if (slaNode != null) {
            Duration after = slaNode.isString() ? Retry.parseDuration(slaNode.text()) : null;
            if (after == null || after.isZero()) {
                problems.add(slaNode.location(), label + "sla must be a duration such as 30s, 30m or 2h");
            } else {
                sla = new io.dataload.config.Sla(after, onMiss, slaNode.location());
            }
        } else if (!onMiss.isEmpty()) {
            problems.add(fields.get("OnSlaMiss").location(), label + "OnSlaMiss needs an \"sla\": how long a run may take");
        }
        RunRequest request = run(fields.get("run"), item.location(), label, name);
        if (name == null || times == null || request == null) {
            return null;
        }
        return new Schedule.Job(name, times, request, overlap, catchup, timeout, sla, item.location());
    }

    private RunRequest run(Node node, Location parent, String label, String name) {
        if (node == null || !node.isObject()) {
            problems.add(node == null ? parent : node.location(), label + "\"run\" must be a mapping with file and action");
            return null;
        }
        keys(node, RUN, label + "run: ");
        Map<String, Node> fields = node.fields();
        String file = text(fields.get("file"), node.location(), "run.file");
        String action = text(fields.get("action"), node.location(), "run.action");
        Map<String, String> params = new LinkedHashMap<>();
        Node paramsNode = fields.get("params");
        if (paramsNode != null) {
            if (!paramsNode.isObject()) {
                problems.add(paramsNode.location(), label + "run.params must be a mapping of names to values");
            } else {
                paramsNode.fields().forEach((key, value) -> params.put(key, value.value() == null ? "" : value.value().toString()));
            }
        }
        int attempt = 1;
        Node attemptNode = fields.get("attempt");
        if (attemptNode != null) {
            try {
                attempt = Integer.parseInt(String.valueOf(attemptNode.value()));
            } catch (NumberFormatException e) {
                problems.add(attemptNode.location(), label + "run.attempt must be a number");
            }
        }
        if (file == null || action == null) {
            return null;
        }
        String resources = optional(fields.get("resources"));
        RunRequest request = new RunRequest("dataload", "schedule", workDir, resources, file, action,
                optional(fields.get("table")), attempt, params, optional(fields.get("db")), null, logDir, false,
                List.of("schedule", name)).withState(state).triggeredBy("schedule", name);
        CheckedRequest checked = FrontDoor.check(request);
        for (io.dataload.config.Problem problem : checked.problems()) {
            // a problem of the file itself (not found, not JSON at all) is told where the schedule names it
            boolean ofTheReference = problem.location().line() == 0 && problem.location().file().equals(file);
            problems.add(ofTheReference ? fields.get("file").location() : problem.location(),
                    ofTheReference ? label + "run.file " + file + ": " + problem.message() : problem.message());
        }
        checked.warnings().forEach(w -> problems.warn(w.location(), w.message()));
        return request;
    }

    private ZoneId zone(Node node, ZoneId fallback) {
        if (node == null) {
            return fallback;
        }
        try {
            return ZoneId.of(String.valueOf(node.value()));
        } catch (DateTimeException e) {
            problems.add(node.location(), "unknown time zone \"" + node.value() + "\"; use a region such as"
                    + " Europe/Zurich or America/New_York, or UTC");
            return fallback;
        }
    }

    private <E extends Enum<E>> E choice(Node node, Class<E> type, E fallback, String label) {
        if (node == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, String.valueOf(node.value()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E value : type.getEnumConstants()) {
                names.add(value.name().toLowerCase(Locale.ROOT));
            }
            problems.add(node.location(), label + type.getSimpleName().toLowerCase(Locale.ROOT) + " must be one of "
                    + String.join(", ", names) + ", found \"" + node.value() + "\"");
            return fallback;
        }
    }

    private String text(Node node, Location parent, String key) {
        if (node == null || node.value() == null) {
            problems.add(node == null ? parent : node.location(), "missing \"" + key + "\"");
            return null;
        }
        if (node.isObject() || node.isArray()) {
            problems.add(node.location(), "\"" + key + "\" must be text, found " + node.typeName());
            return null;
        }
        return String.valueOf(node.value());
    }

    private static String optional(Node node) {
        return node == null || node.value() == null ? null : String.valueOf(node.value());
    }

    private void keys(Node node, List<String> known, String where) {
        node.fields().forEach((key, value) -> {
            if (!known.contains(key)) {
                problems.add(value.location(), where + "unknown key \"" + key + "\""
                        + Spelling.closest(key, known).map(k -> "; did you mean \"" + k + "\"?").orElse(""));
            }
        });
    }
}
