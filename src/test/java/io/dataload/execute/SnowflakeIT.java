package io.dataload.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataload.cli.CliRun;
import io.dataload.standin.snowflake.SnowflakeStandIn;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine contract on Snowflake, through the unmodified snowflake-jdbc driver talking to the
 * protocol-level stand-in (its SQL run by DuckDB), plus what only the Snowflake bulk path does: a
 * PUT that uploads nothing or a COPY that loads fewer rows than the file holds fails the action.
 */
class SnowflakeIT extends EngineContract {
    private SnowflakeStandIn standIn;

    @BeforeEach
    void startStandIn() throws Exception {
        standIn = SnowflakeStandIn.start(new SnowflakeStandIn.Config().dir(dir.resolve("snowflake")).password("s3cret!x"));
    }

    @AfterEach
    void stopStandIn() {
        standIn.close();
    }

    @Override
    String url() {
        return "jdbc:snowflake://127.0.0.1:" + standIn.port() + "/?ssl=off&account=TESTACCT&user=DATALOAD"
                + "&password=s3cret!x&db=MYDB&schema=PUBLIC";
    }

    @Override
    Connection connect() throws SQLException {
        return standIn.database();
    }

    @Override
    String engine() {
        return "snowflake";
    }

    @Override
    String missingTableKey() {
        return "NO_SUCH_TABLE";
    }

    @Override
    String reported(String column) {
        return column.toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    boolean tableExists(String table) throws SQLException {
        return !ints("select count(*) from information_schema.tables where lower(table_name) = '" + table + "'")
                .equals(List.of(0));
    }

    @Test
    void aPutThatUploadsNothingFailsTheCopyAndLoadsNothing() throws Exception {
        runOk("actions.json", "drop");
        runOk("actions.json", "create");
        standIn.faults().skipUploads = true;
        CliRun copy = run("actions.json", "copy");
        assertEquals(1, copy.exit(), copy.all());
        assertTrue(copy.out().contains("PUT did not upload") && copy.out().contains("SKIPPED"), copy.out());
        assertTrue(copy.out().contains("OnErrorNotification"), "the error handlers ran: " + copy.out());
        assertEquals(List.of(0), ints("select count(*) from t_people"));
    }

    @Test
    void aCopyThatLoadsFewerRowsThanTheFileHoldsIsRolledBack() throws Exception {
        runOk("actions.json", "drop");
        runOk("actions.json", "create");
        standIn.faults().rowsLostByCopy = 1;
        CliRun copy = run("actions.json", "copy");
        assertEquals(1, copy.exit(), copy.all());
        assertTrue(copy.out().contains("COPY INTO t_people loaded 2 rows, the files hold 3"), copy.out());
        assertEquals(List.of(0), ints("select count(*) from t_people"), "rolled back");
    }

    @Test
    void errorTextsCarrySnowflakesCodeAndSqlState() throws Exception {
        CliRun drop = run("actions.json", "drop");
        assertEquals(0, drop.exit(), drop.all());
        assertTrue(drop.out().contains("002003 (42S02): SQL compilation error: Object 'T_CUSTOMERS' does not exist or not"
                + " authorized."), drop.out());
    }
}
