package io.dataload.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.IsoFields;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Generates the Support DW source data deterministically from a seed: the same seed and scale give
 * the same bytes on every machine (SplittableRandom's sequence is specified). Scale 1 is about 200
 * analysts, 500 cases and 3,000 log lines, plus a next-period increment under {@code new/}.
 */
public final class DemoDataGenerator {
    public static final int FIRST_YEAR = 2019;
    public static final int LAST_YEAR = 2023;
    static final String[] TEAMS = {"Applications", "Cloud", "Database", "Network", "Security", "Storage"};
    private static final String[] SKILLS = {"AWS", "Azure", "Java", "Kubernetes", "Linux", "MySQL", "Oracle",
        "PostgreSQL", "Python", "Windows"};
    private static final String[] FIRST = {"Ann", "Bob", "Chen", "Dana", "Eli", "Fatima", "Gus", "Hana", "Ivan",
        "Jo", "Kemal", "Lena", "Mateo", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tariq"};
    private static final String[] LAST = {"Smith", "O'Neil", "Garcia", "Kowalski", "Nguyen", "Okafor", "Rossi",
        "Schmidt", "Tanaka", "Van Dijk", "Weber", "Young"};
    private static final String[] LINES = {"Cloud Platform", "Data Services", "Networking", "Workplace"};
    private static final String[] GROUPS = {"Compute", "Storage", "Security"};
    static final String ASSIGNED = "Assigned to analyst";
    static final String RESPONSE = "Response";
    static final String CLOSE = "Close";

    private final SplittableRandom random;
    private final int scale;
    private int nextAid = 1;
    private int nextCid = 1;
    private final List<Integer> productIds = new ArrayList<>();
    private final List<Integer> groupAndLineIds = new ArrayList<>();
    private final Map<Integer, List<Analyst>> snapshots = new LinkedHashMap<>();
    private final List<OpenCase> openCases = new ArrayList<>();

    /** A case with no Close yet, and the time of its last event. */
    private record OpenCase(int cid, LocalDateTime last) {
    }

    public DemoDataGenerator(long seed, int scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be 1 or more");
        }
        this.random = new SplittableRandom(seed);
        this.scale = scale;
    }

    /** Writes every file under {@code dir}; returns the files' row counts by name. */
    public Map<String, Long> generate(Path dir) throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("calendar.csv", calendar(dir.resolve("calendar.csv")));
        counts.put("PrioritySLA.csv", priorities(dir.resolve("PrioritySLA.csv")));
        counts.put("products.csv", products(dir.resolve("products.csv")));
        List<Analyst> current = new ArrayList<>();
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            current = nextYear(current, year);
            snapshots.put(year, current);
            counts.put("analysts_" + year + ".csv", analysts(dir.resolve("analysts_" + year + ".csv"), current));
        }
        try (CsvLines cases = new CsvLines(dir.resolve("cases.csv"));
                CsvLines logs = new CsvLines(dir.resolve("logs.csv"))) {
            for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                for (int i = 0; i < 100 * scale; i++) {
                    LocalDateTime created = LocalDate.of(year, 1, 1).atStartOfDay()
                            .plusSeconds(random.nextLong(360L * 24 * 3600));
                    writeCase(cases, logs, created, snapshots.get(year), LocalDateTime.of(LAST_YEAR, 12, 31, 23, 0));
                }
            }
            counts.put("cases.csv", cases.rows());
            counts.put("logs.csv", logs.rows());
        }
        increment(dir.resolve("new"), current, counts);
        return counts;
    }

    private void increment(Path dir, List<Analyst> last, Map<String, Long> counts) throws IOException {
        LocalDateTime start = LocalDateTime.of(LAST_YEAR + 1, 1, 1, 0, 0);
        List<Analyst> now = new ArrayList<>();
        for (Analyst analyst : last) {
            LocalDateTime when = start.plusSeconds(random.nextLong(50L * 24 * 3600));
            int roll = random.nextInt(100);
            if (roll < 8) {
                analyst = analyst.withTeam(otherTeam(analyst.team()), when);
            } else if (roll < 14) {
                analyst = analyst.withSkills(skills(), when);
            } else if (roll < 17) {
                analyst = analyst.withName(name(), when);
            }
            now.add(analyst);
        }
        for (int i = 0; i < 10 * scale; i++) {
            LocalDateTime joined = start.plusSeconds(random.nextLong(40L * 24 * 3600));
            now.add(new Analyst(nextAid++, name(), TEAMS[random.nextInt(TEAMS.length)], skills(), joined, joined));
        }
        counts.put("new/analysts.csv", analysts(dir.resolve("analysts.csv"), now));
        try (CsvLines cases = new CsvLines(dir.resolve("cases.csv"));
                CsvLines logs = new CsvLines(dir.resolve("logs.csv"))) {
            LocalDateTime end = LocalDateTime.of(LAST_YEAR + 1, 3, 31, 23, 0);
            for (OpenCase open : openCases) {
                LocalDateTime after = open.last().isAfter(start) ? open.last()
                        : start.plusSeconds(random.nextLong(20L * 24 * 3600));
                logs.time(after.plusMinutes(1 + random.nextInt(600))).number(open.cid()).text(CLOSE).end();
            }
            List<Analyst> byJoining = new ArrayList<>(now);
            byJoining.sort(Comparator.comparing(Analyst::created).thenComparingInt(Analyst::aid));
            for (int i = 0; i < 100 * scale; i++) {
                LocalDateTime created = start.plusSeconds(random.nextLong(80L * 24 * 3600));
                writeCase(cases, logs, created, byJoining.subList(0, joinedBy(byJoining, created)), end);
            }
            counts.put("new/cases.csv", cases.rows());
            counts.put("new/logs.csv", logs.rows());
        }
    }

    /** One case and its log lines; a case still open at {@code horizon} is remembered for the increment. */
    private void writeCase(CsvLines cases, CsvLines logs, LocalDateTime created, List<Analyst> available,
            LocalDateTime horizon) throws IOException {
        int cid = nextCid++;
        int priority = pick(new int[] {20, 50, 30}) + 1;
        Analyst analyst = random.nextInt(100) < 6 || available.isEmpty() ? null
                : available.get(random.nextInt(available.size()));
        Integer pid = product();
        if (random.nextInt(4) == 0) {
            created = created.withNano(random.nextInt(1_000_000) * 1000);
        }
        cases.number(cid).number(priority).time(created).number(analyst == null ? null : analyst.aid()).number(pid).end();
        LocalDateTime at = created;
        if (analyst != null) {
            int teamFactor = 1 + Arrays.asList(TEAMS).indexOf(analyst.team()) % 3;
            long base = switch (priority) {
                case 1 -> 20 * 60;
                case 2 -> 2 * 3600;
                default -> 10 * 3600;
            };
            at = at.plusSeconds(base / 2 + random.nextLong(base * teamFactor));
            logs.time(at).number(cid).text(ASSIGNED).end();
        }
        int responses = random.nextInt(1, 6);
        for (int r = 0; r < responses; r++) {
            at = at.plusSeconds(600 + random.nextLong(24 * 3600));
            if (random.nextInt(5) == 0) {
                at = at.withNano(random.nextInt(1_000_000) * 1000);
            }
            logs.time(at).number(cid).text(RESPONSE).end();
        }
        LocalDateTime close = at.plusSeconds(3600 + random.nextLong(48 * 3600));
        if (close.isBefore(horizon) && random.nextInt(10) > 0) {
            logs.time(close).number(cid).text(CLOSE).end();
        } else {
            openCases.add(new OpenCase(cid, at));
        }
    }

    /** How many analysts of the list (sorted by joining time) had joined at {@code time}. */
    private static int joinedBy(List<Analyst> byJoining, LocalDateTime time) {
        int low = 0;
        int high = byJoining.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (byJoining.get(mid).created().isAfter(time)) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    private List<Analyst> nextYear(List<Analyst> previous, int year) {
        LocalDateTime start = LocalDate.of(year, 1, 1).atStartOfDay();
        List<Analyst> next = new ArrayList<>();
        for (Analyst analyst : previous) {
            LocalDateTime when = start.plusSeconds(random.nextLong(300L * 24 * 3600));
            int roll = random.nextInt(100);
            if (roll < 5) {
                continue;
            } else if (roll < 15) {
                analyst = analyst.withTeam(otherTeam(analyst.team()), when);
            } else if (roll < 25) {
                analyst = analyst.withSkills(skills(), when);
            } else if (roll < 28) {
                analyst = analyst.withName(name(), when);
            }
            next.add(analyst);
        }
        int joiners = previous.isEmpty() ? 200 * scale : 12 * scale;
        for (int i = 0; i < joiners; i++) {
            LocalDateTime joined = start.minusDays(1 + random.nextInt(previous.isEmpty() ? 2000 : 60));
            next.add(new Analyst(nextAid++, name(), TEAMS[random.nextInt(TEAMS.length)], skills(), joined, joined));
        }
        return next;
    }

    private long analysts(Path file, List<Analyst> analysts) throws IOException {
        try (CsvLines out = new CsvLines(file)) {
            for (Analyst a : analysts) {
                out.number(a.aid()).text(a.name()).text(a.team()).text(a.skills()).time(a.created()).time(a.updated()).end();
            }
            return out.rows();
        }
    }

    private long calendar(Path file) throws IOException {
        try (CsvLines out = new CsvLines(file)) {
            out.number(-1).number("1900-01-01").number(1).text("01").number(1).text("01").text("Unknown").text("Unk")
                    .text("Q1").number(1900).number(1).text("Unknown").text("Unk").number(1).end();
            for (LocalDate day = LocalDate.of(FIRST_YEAR, 1, 1); day.getYear() <= LAST_YEAR + 1; day = day.plusDays(1)) {
                int id = day.getYear() * 10000 + day.getMonthValue() * 100 + day.getDayOfMonth();
                out.number(id).number(day).number(day.getDayOfMonth()).text(String.format("%02d", day.getDayOfMonth()))
                        .number(day.getMonthValue()).text(String.format("%02d", day.getMonthValue()))
                        .text(day.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH))
                        .text(day.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                        .text("Q" + day.get(IsoFields.QUARTER_OF_YEAR)).number(day.getYear())
                        .number(day.getDayOfWeek().getValue())
                        .text(day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH))
                        .text(day.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                        .number(day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)).end();
            }
            return out.rows();
        }
    }

    private static long priorities(Path file) throws IOException {
        try (CsvLines out = new CsvLines(file)) {
            out.header("id,name,assign_sla_hours,response_sla_hours,resolve_sla_hours");
            out.number(1).text("High").number(1).number(3).number(100).end();
            out.number(2).text("Normal").number(3).number(24).number(300).end();
            out.number(3).text("Low").number(24).number(72).number(500).end();
            return out.rows();
        }
    }

    private long products(Path file) throws IOException {
        try (CsvLines out = new CsvLines(file)) {
            for (int l = 0; l < LINES.length; l++) {
                int line = l + 1;
                out.number(line).text(LINES[l]).number(null).end();
                groupAndLineIds.add(line);
                for (int g = 0; g < GROUPS.length; g++) {
                    int group = 100 + line * 10 + g;
                    out.number(group).text(LINES[l] + " " + GROUPS[g]).number(line).end();
                    groupAndLineIds.add(group);
                    for (int p = 1; p <= 4; p++) {
                        int product = group * 10 + p;
                        out.number(product).text(GROUPS[g] + " " + (char) ('A' + l) + p).number(group).end();
                        productIds.add(product);
                    }
                }
            }
            return out.rows();
        }
    }

    private Integer product() {
        int roll = random.nextInt(100);
        if (roll < 5) {
            return null;
        }
        if (roll < 20) {
            return groupAndLineIds.get(random.nextInt(groupAndLineIds.size()));
        }
        return productIds.get(random.nextInt(productIds.size()));
    }

    private String otherTeam(String team) {
        String other;
        do {
            other = TEAMS[random.nextInt(TEAMS.length)];
        } while (other.equals(team));
        return other;
    }

    private String skills() {
        TreeSet<String> chosen = new TreeSet<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            chosen.add(SKILLS[random.nextInt(SKILLS.length)]);
        }
        return String.join(",", chosen);
    }

    private String name() {
        return FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
    }

    private int pick(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
