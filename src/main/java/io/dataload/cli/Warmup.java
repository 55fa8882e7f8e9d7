package io.dataload.cli;

import io.dataload.config.JsonTreeReader;
import io.dataload.config.ResourceReader;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Start-up work a run needs anyway, done on another core while picocli reads the command line (or the run reads its files): the
 * JSON and YAML readers, logging, the JDBC drivers and the pool. It opens no file and no connection.
 * A command read by picocli waits for it before it runs ({@link DataLoadCommand#commandLine}); one read by
 * {@link FastPath} reads and checks its files meanwhile and waits for it before the run's session starts
 * ({@link RunConsole}), so that the libraries that log are not set up by two threads at once.
 */
final class Warmup {
    private static final long MAX_WAIT_MILLIS = 3_000;
    private static final String[] CLASSES = {
        "io.dataload.execute.RunSession", "io.dataload.plan.FrontDoor", "io.dataload.plan.ChainPlanner", "io.dataload.execute.Runner",
        "io.dataload.record.ExecutionLog", "io.dataload.record.LogFileWriter", "io.dataload.record.RunResultsFile",
        // the run-history store: SQLite's native library is unpacked and loaded here, off the main thread
        "io.dataload.state.StateStore", "org.sqlite.SQLiteConfig", "org.sqlite.jdbc4.JDBC4Connection",
        "org.sqlite.core.NativeDB", "org.sqlite.jdbc4.JDBC4PreparedStatement",
    };
    private static final String[] POOL = {
        "com.zaxxer.hikari.HikariConfig", "com.zaxxer.hikari.HikariDataSource", "com.zaxxer.hikari.pool.HikariPool",
        "com.zaxxer.hikari.pool.PoolEntry", "com.zaxxer.hikari.pool.ProxyConnection",
    };
    private static final String[] POSTGRES = {
        "org.postgresql.core.v3.ConnectionFactoryImpl", "org.postgresql.core.v3.QueryExecutorImpl",
        "org.postgresql.jdbc.PgConnection", "org.postgresql.jdbc.PgStatement", "org.postgresql.copy.CopyManager",
        "org.postgresql.core.PGStream",
    };
    private static final String[] MYSQL = {"com.mysql.cj.jdbc.ConnectionImpl", "com.mysql.cj.protocol.a.NativeProtocol"};
    private static String[] engineClasses = {};
    private static Thread thread;
    /** Set by bin/dataload in the run that records the class-data archive ({@code -XX:ArchiveClassesAtExit}). */
    static final String RECORDING = "dataload.cds.record";
    private static volatile ConcurrentLinkedQueue<Task> tasks;

    private Warmup() {
    }

    /**
     * The engine's driver classes worth loading ahead, when the command line says which engine (a
     * wrapper's name, {@code --db}): the main thread waits for the warm-up, so a run that needs no
     * database (or DuckDB) must not pay for PostgreSQL's and MySQL's classes.
     */
    static String[] engine(String[] args) {
        String engine = args.length == 0 ? "" : args[0];
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--db")) {
                engine = args[i + 1];
            } else if (args[i].startsWith("--db=")) {
                engine = args[i].substring("--db=".length());
            }
        }
        if (engine.startsWith("postgres") || engine.startsWith("redshift") || engine.startsWith("jdbc:postgresql")
                || engine.startsWith("jdbc:redshift")) {
            return concat(POOL, POSTGRES);
        }
        if (engine.startsWith("mysql") || engine.startsWith("jdbc:mysql") || engine.startsWith("jdbc:mariadb")) {
            return concat(POOL, MYSQL);
        }
        return new String[0];
    }

    private static String[] concat(String[] a, String[] b) {
        String[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** Starts the warm-up for a command that runs actions, with the engine's classes to load. */
    static void start(String[] engine) {
        start(engine, true);
    }

    /**
     * {@code readers}: also the JSON and YAML readers (not for {@link FastPath}'s commands, which read their
     * files before they wait for the warm-up).
     */
    static synchronized void start(String[] engine, boolean readers) {
        if (Boolean.getBoolean(RECORDING)) {
            // bin/dataload records the class-data archive in this run: what the next commands need goes in too
            engine = concat(POOL, concat(POSTGRES, MYSQL));
            readers = true;
        }
        engineClasses = engine.clone();
        if (thread == null) {
            tasks = tasks(readers);
            thread = new Thread(Warmup::warm, "dataload-warmup");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * Waits for the warm-up, if one was started, taking on those of its tasks that have not started yet:
     * the waiting thread has nothing better to do (a few seconds at most: it is only an optimization).
     */
    static void await() {
        Thread running;
        synchronized (Warmup.class) {
            running = thread;
        }
        if (running != null) {
            warm();
            try {
                running.join(MAX_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The work, in the order it is taken: first what the main thread needs last (without picocli,
     * {@link FastPath}, it reads and checks the files meanwhile); logging is one task, set up by one thread.
     */
    private static ConcurrentLinkedQueue<Task> tasks(boolean readers) {
        ConcurrentLinkedQueue<Task> work = new ConcurrentLinkedQueue<>();
        work.add(org.slf4j.LoggerFactory::getILoggerFactory);
        // not DriverManager.getDrivers(): it would load and initialize every driver on the class path (Snowflake's
        // alone is 700 classes); each engine's driver is named directly where it connects
        work.add(io.dataload.state.SqliteNative::prepare);
        work.add(() -> load(CLASSES));
        work.add(() -> load(engineClasses));
        work.add(() -> io.dataload.state.RunId.next(0)); // seeds its SecureRandom
        if (!readers) {
            return work;
        }
        work.add(() -> new JsonTreeReader(Path.of("warmup.json"))
                .read("{\"Tables\": [{\"name\": \"t\", \"scripts\": {\"load\": \"load.sql\"}}]}"));
        work.add(() -> new ResourceReader().parse("warmup.yml", "RDS:\n  Endpoint: host\n  Port: 5432\n"));
        return work;
    }

    /** One piece of the warm-up. */
    private interface Task {
        void run() throws Exception;
    }

    private static void load(String[] names) {
        ClassLoader loader = Warmup.class.getClassLoader();
        for (String name : names) {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // loaded again, with its message, where the run needs it
            }
        }
    }

    private static void warm() {
        ConcurrentLinkedQueue<Task> work = tasks;
        for (Task task = work == null ? null : work.poll(); task != null; task = work.poll()) {
            try {
                task.run();
            } catch (Throwable ignored) {
                // an optimization only: whatever failed here fails again, with its message, where the run needs it
            }
        }
    }
}
