package io.dataload.standin;

import io.dataload.standin.snowflake.SnowflakeStandIn;
import io.dataload.standin.tableau.TableauStandIn;
import java.nio.file.Path;

/**
 * The local stand-ins the Snowflake and Tableau example is tried with, in one process, on the ports
 * configs/example/snowflake-tableau/resources.yml and configs/snowflake/demo.yml name: Snowflake on
 * 8085 (user DATALOAD, password secret, database MYDB with schemas PUBLIC and MYSCHEMA), Tableau on
 * 8086 (site mysite, token dataload / example-token-secret, data source mydatasource in myproject),
 * Slack and ServiceNow on 8087 (user dataload / example-password). Every Slack message and incident is
 * printed. {@code StandIns [DIR] [--failing-refresh]}; stop it with Ctrl-C.
 */
public final class StandIns {
    private StandIns() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : "target/stand-ins");
        boolean failing = java.util.Arrays.asList(args).contains("--failing-refresh");
        try (SnowflakeStandIn snowflake = SnowflakeStandIn.start(new SnowflakeStandIn.Config().dir(dir.resolve("snowflake"))
                .password("secret").schemas("PUBLIC", "MYSCHEMA"), 8085);
                TableauStandIn tableau = new TableauStandIn("mysite", "dataload", "example-token-secret", 8086)
                        .datasource("mydatasource", "myproject").jobsEnd(failing ? 1 : 0, 3);
                NotifyStandIn notify = new NotifyStandIn("dataload", "example-password", 8087)) {
            notify.printing(System.out);
            System.out.println("Snowflake stand-in at " + snowflake.endpoint() + ", Tableau at " + tableau.url()
                    + ", Slack and ServiceNow at " + notify.url() + (failing ? " (every refresh job fails)" : ""));
            Thread.currentThread().join();
        }
    }
}
