package io.dataload.standin.snowflake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stand-in answers the unmodified snowflake-jdbc driver. */
class SnowflakeStandInIT {
    @TempDir
    Path dir;

    @Test
    void theDriverLogsInRunsSqlAndLoadsAStagedFile() throws Exception {
        try (SnowflakeStandIn standIn = SnowflakeStandIn.start(new SnowflakeStandIn.Config().dir(dir.resolve("sf"))
                .password("s3cret"))) {
            Properties properties = new Properties();
            properties.put("user", "dataload");
            properties.put("password", "s3cret");
            properties.put("account", "testacct");
            properties.put("db", "MYDB");
            properties.put("schema", "PUBLIC");
            properties.put("disablePlatformDetection", "true");
            try (Connection connection = DriverManager.getConnection("jdbc:snowflake://127.0.0.1:" + standIn.port()
                    + "/?ssl=off", properties); Statement statement = connection.createStatement()) {
                statement.execute("create table t (id integer, name varchar, ts timestamp, amount decimal(10,2))");
                assertEquals(2, statement.executeUpdate("insert into t values (1, 'a', timestamp '2024-03-15 13:45:30.123456', 1.5),"
                        + " (2, null, null, null)"));
                try (ResultSet rows = statement.executeQuery("select * from t order by id")) {
                    assertTrue(rows.next());
                    assertEquals(1, rows.getInt(1));
                    assertEquals("a", rows.getString(2));
                    assertEquals("2024-03-15T13:45:30.123456", rows.getTimestamp(3).toLocalDateTime().toString());
                    assertEquals("1.50", rows.getBigDecimal(4).toPlainString());
                    assertTrue(rows.next());
                    assertEquals(null, rows.getString(2));
                }
                Path csv = dir.resolve("data.csv");
                Files.writeString(csv, "3,\"c, d\",2024-01-01 00:00:00,2.25\n4,,,\n");
                connection.setAutoCommit(false);
                try (ResultSet put = statement.executeQuery("PUT 'file://" + csv + "' @%t/x/ PARALLEL=4 AUTO_COMPRESS=TRUE")) {
                    assertTrue(put.next());
                    assertEquals("UPLOADED", put.getString("status"));
                }
                try (ResultSet copy = statement.executeQuery("COPY INTO t FROM @%t/x/ FILES = ('data.csv.gz') FILE_FORMAT = "
                        + "(TYPE = CSV FIELD_DELIMITER = ',' FIELD_OPTIONALLY_ENCLOSED_BY = '\"' NULL_IF = ()) PURGE = TRUE")) {
                    assertTrue(copy.next());
                    assertEquals("LOADED", copy.getString("status"));
                    assertEquals(2, copy.getLong("rows_loaded"));
                }
                connection.rollback();
                try (ResultSet count = statement.executeQuery("select count(*) from t")) {
                    count.next();
                    assertEquals(2, count.getInt(1), "the copy was rolled back");
                }
                try (ResultSet many = statement.executeQuery("select range as n, 'row ' || range as s from range(25000)")) {
                    int n = 0;
                    while (many.next()) {
                        assertEquals(n, many.getInt(1));
                        n++;
                    }
                    assertEquals(25000, n, "rows in three chunks");
                }
            }
        }
    }
}
