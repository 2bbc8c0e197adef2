package dev.phoenixkit.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.migrations.internal.SqlStatementSplitter;
import org.junit.jupiter.api.Test;

class SqlStatementSplitterTest {

    @Test
    void splitWhenPlainStatementsThenOnePerSemicolonTrimmed() {
        assertThat(SqlStatementSplitter.split("SELECT 1;\n  SELECT 2 ;\nSELECT 3"))
                .containsExactly("SELECT 1", "SELECT 2", "SELECT 3");
    }

    @Test
    void splitWhenSemicolonsInsideStringsIdentifiersAndCommentsThenNotSplit() {
        assertThat(SqlStatementSplitter.split("""
                -- a comment; with a semicolon
                SELECT 'a;b', "we;ird", E'it\\'s;' /* block; /* nested; */ still */ FROM t;
                SELECT 'it''s; fine';
                """))
                .containsExactly(
                        "-- a comment; with a semicolon\nSELECT 'a;b', \"we;ird\", E'it\\'s;'"
                                + " /* block; /* nested; */ still */ FROM t",
                        "SELECT 'it''s; fine'");
    }

    @Test
    void splitWhenDollarQuotedBodiesThenKeptWhole() {
        String doBlock = "DO $do$ BEGIN EXECUTE format($f$ SELECT 1; $f$); RAISE NOTICE 'x;'; END $do$";
        String function = "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$";

        assertThat(SqlStatementSplitter.split(doBlock + ";\n" + function + ";")).containsExactly(doBlock, function);
    }

    @Test
    void splitWhenPositionalParameterLooksLikeDollarThenNotAQuote() {
        assertThat(SqlStatementSplitter.split("PREPARE p AS SELECT $1; SELECT 2"))
                .containsExactly("PREPARE p AS SELECT $1", "SELECT 2");
    }

    @Test
    void splitWhenOnlyCommentsOrEmptyStatementsThenDropped() {
        assertThat(SqlStatementSplitter.split("-- header only\n;;\n/* nothing */;"))
                .isEmpty();
    }
}
