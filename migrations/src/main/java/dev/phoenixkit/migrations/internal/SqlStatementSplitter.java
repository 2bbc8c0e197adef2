package dev.phoenixkit.migrations.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a PostgreSQL script into statements at top-level semicolons. Understands single-quoted strings
 * (including {@code E'...'} backslash escapes), quoted identifiers, dollar quoting ({@code $$}, {@code $tag$}),
 * line comments and nested block comments. Statements that hold only comments are dropped. Stateless and
 * thread-safe.
 */
public final class SqlStatementSplitter {

    private SqlStatementSplitter() {}

    /**
     * Splits {@code script}.
     *
     * @param script the script text
     * @return the statements, trimmed, without the terminating semicolon, in order
     */
    public static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean hasCode = false;
        int length = script.length();
        int i = 0;
        while (i < length) {
            char c = script.charAt(i);
            int end;
            if (c == '-' && i + 1 < length && script.charAt(i + 1) == '-') {
                end = script.indexOf('\n', i);
                end = end < 0 ? length : end;
            } else if (c == '/' && i + 1 < length && script.charAt(i + 1) == '*') {
                end = skipBlockComment(script, i);
            } else if (c == '\'') {
                boolean escapes = i > 0
                        && (script.charAt(i - 1) == 'E' || script.charAt(i - 1) == 'e')
                        && (i < 2 || !isIdentifierChar(script.charAt(i - 2)));
                end = skipQuoted(script, i, '\'', escapes);
                hasCode = true;
            } else if (c == '"') {
                end = skipQuoted(script, i, '"', false);
                hasCode = true;
            } else if (c == '$' && (i == 0 || !isIdentifierChar(script.charAt(i - 1)))) {
                end = skipDollarQuoted(script, i);
                hasCode = true;
            } else if (c == ';') {
                addStatement(statements, current, hasCode);
                current.setLength(0);
                hasCode = false;
                i++;
                continue;
            } else {
                if (!Character.isWhitespace(c)) {
                    hasCode = true;
                }
                end = i + 1;
            }
            current.append(script, i, end);
            i = end;
        }
        addStatement(statements, current, hasCode);
        return List.copyOf(statements);
    }

    private static void addStatement(List<String> statements, StringBuilder current, boolean hasCode) {
        if (hasCode) {
            statements.add(current.toString().strip());
        }
    }

    private static int skipBlockComment(String script, int start) {
        int depth = 0;
        int i = start;
        while (i < script.length()) {
            if (script.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (script.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return script.length();
    }

    private static int skipQuoted(String script, int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return script.length();
    }

    private static int skipDollarQuoted(String script, int start) {
        int i = start + 1;
        while (i < script.length() && isTagChar(script.charAt(i), i == start + 1)) {
            i++;
        }
        if (i >= script.length() || script.charAt(i) != '$') {
            return start + 1; // not a dollar quote (e.g. a $1 parameter): consume just the '$'
        }
        String tag = script.substring(start, i + 1);
        int close = script.indexOf(tag, i + 1);
        return close < 0 ? script.length() : close + tag.length();
    }

    private static boolean isTagChar(char c, boolean first) {
        return Character.isLetter(c) || c == '_' || (!first && Character.isDigit(c));
    }

    private static boolean isIdentifierChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
