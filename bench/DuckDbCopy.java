import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** The DuckDB reference of bench/run.sh: the COPY statement run directly through JDBC. */
public class DuckDbCopy {
    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + args[0]);
                Statement statement = connection.createStatement()) {
            if (args[1].equals("create")) {
                statement.execute("create table bench_logs (ts timestamp, cid integer, event varchar)");
            } else if (args[1].equals("export")) {
                statement.execute("copy (select ts, cid, event from bench_logs) to '" + args[2] + "' (format csv, header false)");
            } else {
                statement.execute("copy bench_logs from '" + args[2] + "' (format csv, header false)");
            }
        }
    }
}
