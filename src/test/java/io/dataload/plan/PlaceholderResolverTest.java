package io.dataload.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataload.config.Location;
import io.dataload.config.Placeholder;
import io.dataload.config.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholderResolverTest {
    private static final Location AT = new Location("x.json", 1, 1);

    private final PlaceholderResolver resolver = new PlaceholderResolver(
            List.of(new Placeholder("#bucket#", "kdsupport", AT), new Placeholder("#port#", "#RDS.Port#", AT),
                    new Placeholder("#table_name#", "never used", AT)),
            Map.of("RDS.Port", "5432", "Subnets[0].Cidr", "10.0.0.0/24", "bucket", "yaml-loses", "pw", "a#b#c"),
            Map.of("#host#", "db.local", "bucket", "param-loses"));

    @Test
    void appliesBuiltinsPlaceholdersYamlThenRuntimeParameters() {
        assertEquals("t1 load kdsupport 5432 10.0.0.0/24 db.local",
                resolver.apply("#table_name# #action# #bucket# #port# #Subnets[0].Cidr# #host#",
                        Map.of("table_name", "t1", "action", "load")));
    }

    @Test
    void hashesThatAreNotKeysAreLeftAlone() {
        String script = "#!/bin/bash\n# a MySQL comment about #table_name#\nselect '#' || 'x#'; -- # done";
        assertEquals("#!/bin/bash\n# a MySQL comment about t1\nselect '#' || 'x#'; -- # done",
                resolver.apply(script, Map.of("table_name", "t1")));
        assertEquals(List.of(), resolver.check(script, Map.of("table_name", "t1"), AT, true));
    }

    @Test
    void undefinedKeysAreReportedWithFileLineAndColumn() {
        List<Problem> problems = resolver.check("select 1;\nselect #nope# from #RDS.Prot#;\n",
                Map.of("table_name", "t"), new Location("sql/a.sql", 1, 1), true);
        assertEquals(List.of(
                "sql/a.sql:2:8: placeholder #nope# is not defined (not a built-in, not in \"Placeholders\", the resource file or a -P parameter)",
                "sql/a.sql:2:20: placeholder #RDS.Prot# is not defined (not a built-in, not in \"Placeholders\", the resource file or a -P parameter)"),
                problems.stream().map(Problem::toString).toList());
    }

    @Test
    void aValueHoldingHashesIsNotMistakenForAPlaceholder() {
        assertEquals("password a#b#c", resolver.apply("password #pw#", Map.of()));
        assertEquals(List.of(), resolver.check("password #pw#", Map.of(), AT, false));
    }

    @Test
    void errorIsOnlyDefinedInErrorHandling() {
        assertEquals(1, resolver.check("echo #error#", Planner.builtins("t", "load"), AT, false).size());
        assertEquals(0, resolver.check("echo #error#", Planner.errorBuiltins("t", "load"), AT, false).size());
    }

    @Test
    void aValueIsInsertedOnceAndNeverExpandedAgain() {
        Map<String, String> error = Map.of("table_name", "t", "action", "load", "error", "bad value '#pw#' near #RDS.Port#");
        assertEquals("echo 'bad value '\\''#pw#'\\'' near #RDS.Port#'", resolver.apply("echo #'error'#", error));
        assertEquals("got bad value '#pw#' near #RDS.Port#", resolver.apply("got #error#", error));
        // a Placeholders value is the file's own template and is expanded; a resource value is data
        assertEquals("5432 a#b#c", resolver.apply("#port# #pw#", Map.of()));
    }

    @Test
    void rawItemNamesAreReplacedLikeThePythonTool() {
        PlaceholderResolver raw = new PlaceholderResolver(List.of(new Placeholder("@@DAY@@", "#day#", AT)),
                Map.of(), Map.of("day", "2026-11-22"));
        assertEquals("select '2026-11-22'", raw.apply("select '@@DAY@@'", Map.of()));
    }

    @Test
    void theSqlLiteralFormQuotesByTheEnginesRules() {
        Map<String, String> params = Map.of("id", "1'; drop table victim; -- \\'");
        PlaceholderResolver standard = new PlaceholderResolver(List.of(), Map.of(), params, false);
        PlaceholderResolver mysql = new PlaceholderResolver(List.of(), Map.of(), params, true);
        assertEquals("where id = '1''; drop table victim; -- \\'''", standard.apply("where id = #\"id\"#", Map.of()));
        assertEquals("where id = '1''; drop table victim; -- \\\\'''", mysql.apply("where id = #\"id\"#", Map.of()));
        assertEquals(List.of(), standard.check("#\"id\"#", Map.of(), AT, false));
        assertEquals(1, standard.check("#\"nope\"#", Map.of(), AT, false).size());
    }

    @Test
    void valuesThatCanBreakOutAreWarnedAboutFromEverySource() {
        PlaceholderResolver values = new PlaceholderResolver(List.of(new Placeholder("#mine#", "$(date)", AT)),
                Map.of("Dir", "$(touch X)", "safe", "plain"), Map.of("id", "1; drop table victim"));
        List<Problem> sql = values.unquotedInSql("select * from t where id = #id# and d = '#safe#' and e = #\"id\"#",
                AT, false);
        assertEquals(1, sql.size(), sql.toString());
        assertTrue(sql.get(0).message().contains("-P value of #id#") && sql.get(0).message().contains("#\"id\"#"),
                sql.toString());
        List<Problem> shell = values.unquotedInShell("ls #Dir# #mine# #'Dir'#", AT, false);
        assertEquals(1, shell.size(), shell.toString());
        assertTrue(shell.get(0).message().contains("resource file value of #Dir#"), shell.toString());
    }
}
