package io.dataload.db;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL script into statements at top-level semicolons, the way psql does: quotes,
 * quoted identifiers, {@code --} and nested {@code /* *}{@code /} comments, and dollar-quoted bodies
 * ({@code $$ ... $$}, {@code $tag$ ... $tag$}) are kept whole. Statements holding only comments are
 * dropped.
 */
public final class ScriptSplitter {

    private final String text;
    private final boolean mysql;
    private final List<SqlStatement> statements = new ArrayList<>();
    private int pos;
    private int line = 1;
    private int start;
    private int startLine = -1;

    private ScriptSplitter(String text, boolean mysql) {
        this.text = text;
        this.mysql = mysql;
    }

    public static List<SqlStatement> split(String text) {
        ScriptSplitter splitter = new ScriptSplitter(text, false);
        splitter.run();
        return splitter.statements;
    }

    /**
     * MySQL's lexical rules: {@code #} and {@code -- } comments, backslash escapes in both quote
     * kinds, back-quoted identifiers, no dollar quoting.
     */
    public static List<SqlStatement> splitMySql(String text) {
        ScriptSplitter splitter = new ScriptSplitter(text, true);
        splitter.run();
        return splitter.statements;
    }

    private void run() {
        int n = text.length();
        while (pos < n) {
            char c = text.charAt(pos);
            if (c == '-' && peek(1) == '-' && (!mysql || peek(2) == '\0' || Character.isWhitespace(peek(2)))) {
                skipLineComment();
            } else if (mysql && c == '#') {
                skipLineComment();
            } else if (c == '/' && peek(1) == '*') {
                skipBlockComment();
            } else if (c == ';') {
                finish(pos);
                pos++;
                start = pos;
            } else {
                if (!Character.isWhitespace(c) && startLine < 0) {
                    startLine = line;
                    start = pos;
                }
                if (c == '\'') {
                    skipQuoted('\'', mysql || isEscapeString());
                } else if (c == '"') {
                    skipQuoted('"', mysql);
                } else if (mysql && c == '`') {
                    skipQuoted('`', false);
                } else if (!mysql && c == '$' && dollarTag() != null) {
                    skipDollarQuoted(dollarTag());
                } else {
                    advance();
                }
            }
        }
        finish(n);
    }

    private void finish(int end) {
        if (startLine > 0) {
            String sql = text.substring(start, end).strip();
            if (!sql.isEmpty()) {
                statements.add(new SqlStatement(sql, startLine));
            }
        }
        startLine = -1;
    }

    private char peek(int offset) {
        int i = pos + offset;
        return i < text.length() ? text.charAt(i) : '\0';
    }

    private void advance() {
        if (text.charAt(pos) == '\n') {
            line++;
        }
        pos++;
    }

    private void skipLineComment() {
        while (pos < text.length() && text.charAt(pos) != '\n') {
            pos++;
        }
    }

    private void skipBlockComment() {
        int depth = 0;
        while (pos < text.length()) {
            if (text.charAt(pos) == '/' && peek(1) == '*') {
                depth++;
                pos += 2;
            } else if (text.charAt(pos) == '*' && peek(1) == '/') {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                advance();
            }
        }
    }

    private boolean isEscapeString() {
        if (pos == 0 || Character.toUpperCase(text.charAt(pos - 1)) != 'E') {
            return false;
        }
        return pos < 2 || !isIdentifierChar(text.charAt(pos - 2));
    }

    private void skipQuoted(char quote, boolean backslashEscapes) {
        advance();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (backslashEscapes && c == '\\') {
                advance();
                if (pos < text.length()) {
                    advance();
                }
            } else if (c == quote) {
                advance();
                if (pos < text.length() && text.charAt(pos) == quote) {
                    advance();
                } else {
                    return;
                }
            } else {
                advance();
            }
        }
    }

    /** The dollar-quote tag starting at pos ({@code $$} or {@code $name$}), or null. */
    private String dollarTag() {
        if (pos > 0 && isIdentifierChar(text.charAt(pos - 1))) {
            return null;
        }
        int i = pos + 1;
        if (i < text.length() && Character.isDigit(text.charAt(i))) {
            return null;
        }
        while (i < text.length() && isIdentifierChar(text.charAt(i)) && text.charAt(i) != '$') {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '$') {
            return text.substring(pos, i + 1);
        }
        return null;
    }

    private void skipDollarQuoted(String tag) {
        for (int i = 0; i < tag.length(); i++) {
            advance();
        }
        int end = text.indexOf(tag, pos);
        int stop = end < 0 ? text.length() : end + tag.length();
        while (pos < stop) {
            advance();
        }
    }

    private static boolean isIdentifierChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
