package io.dataload.config;

import java.util.Map;
import java.util.Optional;

/**
 * Where a database is and who connects, read once, with one precedence for every command:
 * the command line, then the resource file's section ({@code RDS.*}, {@code RedshiftCluster.*}),
 * then the client's standard environment variables ({@code PGHOST}, {@code PGPORT},
 * {@code PGDATABASE}, {@code PGUSER}, {@code PGPASSWORD}; {@code MYSQL_HOST}, {@code MYSQL_TCP_PORT},
 * {@code MYSQL_DATABASE}, {@code MYSQL_USER}, {@code MYSQL_PWD}). Any field may be null: the engine
 * applies its own defaults when it builds a URL.
 */
public record DatabaseSettings(String host, Integer port, String database, String user, String password,
        String identifier) {

    /** The environment variables of a client family. */
    public record Environment(String host, String port, String database, String user, String password) {
        public static final Environment POSTGRES = new Environment("PGHOST", "PGPORT", "PGDATABASE", "PGUSER", "PGPASSWORD");
        public static final Environment MYSQL =
                new Environment("MYSQL_HOST", "MYSQL_TCP_PORT", "MYSQL_DATABASE", "MYSQL_USER", "MYSQL_PWD");
    }

    public static final DatabaseSettings NONE = new DatabaseSettings(null, null, null, null, null, null);

    /**
     * Reads the settings of {@code section} ("RDS", "RedshiftCluster"): {@code commandLine} first
     * (its non-null fields), then the resource file, then {@code env}. A port that is not a number
     * is a problem of the file (or variable) that gave it.
     */
    public static DatabaseSettings read(String section, Environment names, Resources resources, Map<String, String> env,
            DatabaseSettings commandLine) throws ConfigException {
        String host = first(commandLine.host, endpoint(section, resources), env.get(names.host()));
        Integer portNumber = commandLine.port;
        if (portNumber == null) {
            Optional<String> filePort = resources.get(section + ".Port").filter(v -> !v.isEmpty() && !v.equals("None"));
            String port = filePort.orElse(env.get(names.port()));
            if (port != null && !port.isEmpty()) {
                portNumber = port(port, filePort.isPresent() ? resources.displayPath() + ": " + section + ".Port"
                        : names.port());
            }
        }
        return new DatabaseSettings(host, portNumber,
                first(commandLine.database, resources.get(section + ".DBName"), env.get(names.database())),
                first(commandLine.user, resources.get(section + ".MasterUsername"), env.get(names.user())),
                first(commandLine.password, resources.get(section + ".MasterUserPassword"), env.get(names.password())),
                first(commandLine.identifier, resources.get(section + "." + identifierKey(section)), null));
    }

    /** The key naming the AWS resource whose endpoint can be looked up: an RDS instance or a Redshift cluster. */
    public static String identifierKey(String section) {
        return section.equals("RedshiftCluster") ? "ClusterIdentifier" : "DBInstanceIdentifier";
    }

    /** The same settings with a host and port found elsewhere (an AWS endpoint look-up). */
    public DatabaseSettings at(String newHost, int newPort) {
        return new DatabaseSettings(newHost, newPort, database, user, password, identifier);
    }

    /** Settings giving only a host (a wrapper's {@code --host}). */
    public static DatabaseSettings host(String host) {
        return new DatabaseSettings(host, null, null, null, null, null);
    }

    private static Optional<String> endpoint(String section, Resources resources) {
        for (String key : new String[] {"Endpoint", "Endpoint.Address", "Host"}) {
            Optional<String> value = resources.get(section + "." + key);
            if (value.isPresent() && !value.get().isBlank()) {
                return value;
            }
        }
        return Optional.empty();
    }

    private static String first(String commandLine, Optional<String> resource, String env) {
        if (commandLine != null) {
            return commandLine;
        }
        return resource.filter(v -> !v.isEmpty() && !v.equals("None")).orElse(env == null || env.isEmpty() ? null : env);
    }

    private static Integer port(String text, String from) throws ConfigException {
        try {
            int value = Integer.parseInt(text.trim());
            if (value > 0 && value < 65536) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(new Location(from, 0, 0), "the port must be a number from 1 to 65535, found \""
                + text + "\"");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[host=" + host + ", port=" + port + ", database=" + database + ", user=" + user
                + ", password=" + (password == null ? null : "****") + ", identifier=" + identifier + "]";
    }
}
