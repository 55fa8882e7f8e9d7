package io.dataload.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScriptSplitterTest {

    @Test
    void splitsAtTopLevelSemicolonsAndKeepsLines() {
        List<SqlStatement> statements = ScriptSplitter.split(
                "-- header; comment\ncreate table a (x int);\n\n/* block; */ insert into a values (1);\nselect ';' as s");
        assertEquals(List.of(
                new SqlStatement("create table a (x int)", 2),
                new SqlStatement("insert into a values (1)", 4),
                new SqlStatement("select ';' as s", 5)), statements);
    }

    @Test
    void dollarQuotedBodiesStayWhole() {
        String function = "create function f() returns void language plpgsql as $body$\nbegin\n  perform 1;\nend;\n$body$";
        List<SqlStatement> statements = ScriptSplitter.split(function + ";\nselect f();\ndo $$ begin null; end $$;");
        assertEquals(3, statements.size());
        assertEquals(function, statements.get(0).sql());
        assertEquals(new SqlStatement("select f()", 6), statements.get(1));
        assertEquals("do $$ begin null; end $$", statements.get(2).sql());
    }

    @Test
    void quotesIdentifiersAndEscapeStrings() {
        List<SqlStatement> statements = ScriptSplitter.split(
                "select 'it''s; fine', \"odd;name\", E'back\\'slash;' from t; select $1;");
        assertEquals(2, statements.size());
        assertEquals("select $1", statements.get(1).sql());
    }

    @Test
    void commentOnlyScriptsHaveNoStatements() {
        assertEquals(List.of(), ScriptSplitter.split("-- nothing\n/* nested /* deeper */ still; */\n;\n"));
    }

    @Test
    void aBareIdentifierIsAProcedureName() {
        assertEquals(Optional.of("merge_f_cases"), ProcedureName.of("  merge_f_cases\n"));
        assertEquals(Optional.of("dw.merge_f_cases"), ProcedureName.of("-- call it\ndw.merge_f_cases;"));
        assertEquals(Optional.empty(), ProcedureName.of("commit"));
        assertEquals(Optional.empty(), ProcedureName.of("select 1"));
    }

    @Test
    void mySqlCommentsBackslashEscapesAndBackQuotes() {
        List<SqlStatement> statements = ScriptSplitter.splitMySql(
                "# a comment; still\nselect 'it\\'s; fine', \"a\\\";b\", `odd;name` from t;\n-- x; y\nselect 1--1;\nselect 2");
        assertEquals(List.of(
                new SqlStatement("select 'it\\'s; fine', \"a\\\";b\", `odd;name` from t", 2),
                new SqlStatement("select 1--1", 4),
                new SqlStatement("select 2", 5)), statements);
    }

    @Test
    void mySqlStoredProgramsAreSentWhole() {
        MySqlDialect dialect = new MySqlDialect();
        String procedure = "drop procedure if exists p;\ncreate procedure p()\nbegin\n  insert into t values (1);\nend;\n";
        assertEquals(1, dialect.statements(procedure).size());
        assertEquals(2, dialect.statements("insert into t values (1);\nselect * from t;").size());
        assertEquals(1, dialect.statements("begin not atomic\n  select 1;\nend;").size());
    }
}
