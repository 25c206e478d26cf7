package io.sluice.operators.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recognizes the plain subset of expressions that {@link FastExpression} evaluates: field names,
 * whole-number literals, {@code true}/{@code false}, text in quotes without escapes, parentheses,
 * unary {@code -} and {@code !}, {@code * / %}, {@code + -}, {@code < <= > >=}, {@code == !=},
 * {@code &&}, {@code ||}, with Java's (and JEXL's) precedence and left associativity. Anything else
 * (any other operator or character, JEXL's word operators, a number with a suffix, fraction or
 * exponent) is not recognized and the expression is left to JEXL entirely. Only called on text JEXL
 * has already compiled in the sandbox.
 */
final class FastExpressionParser {
    /** Words JEXL gives a meaning of its own: an expression using one is left to JEXL. */
    private static final Set<String> JEXL_WORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "le", "gt", "ge",
            "div", "mod", "empty", "size", "null", "new", "var", "let", "const", "function", "return", "if", "else",
            "for", "while", "do", "break", "continue", "in", "NaN", "this", "switch", "case", "default", "try",
            "catch", "finally", "throw", "instanceof", "typeof");
    private static final int MAX_LITERAL_DIGITS = 18;
    /** Binary operators by precedence level: equality, relational, additive, multiplicative (then unary). */
    private static final List<List<String>> LEVELS = List.of(List.of("==", "!="), List.of("<", "<=", ">", ">="),
            List.of("+", "-"), List.of("*", "/", "%"));

    private final List<String> tokens;
    private int next;

    private FastExpressionParser(List<String> tokens) {
        this.tokens = tokens;
    }

    /** The fast form of {@code text}, or {@code null} when it is outside the subset. */
    static FastExpression parse(String text) {
        List<String> tokens = tokenize(text);
        if (tokens == null || tokens.isEmpty()) {
            return null;
        }
        FastExpressionParser parser = new FastExpressionParser(tokens);
        FastExpression e = parser.or();
        return e != null && parser.next == tokens.size() ? e : null;
    }

    private FastExpression or() {
        FastExpression left = and();
        while (left != null && take("||")) {
            FastExpression right = and();
            left = right == null ? null : new FastExpression.Logical(false, left, right);
        }
        return left;
    }

    private FastExpression and() {
        FastExpression left = equality();
        while (left != null && take("&&")) {
            FastExpression right = equality();
            left = right == null ? null : new FastExpression.Logical(true, left, right);
        }
        return left;
    }

    private FastExpression equality() {
        return binary(0);
    }

    private FastExpression binary(int level) {
        if (level == LEVELS.size()) {
            return unary();
        }
        FastExpression left = binary(level + 1);
        while (left != null && next < tokens.size() && LEVELS.get(level).contains(tokens.get(next))) {
            String op = tokens.get(next++);
            FastExpression right = binary(level + 1);
            left = right == null ? null : new FastExpression.Binary(op, left, right);
        }
        return left;
    }

    private FastExpression unary() {
        if (take("-")) {
            FastExpression operand = unary();
            return operand == null ? null : new FastExpression.Unary('-', operand);
        }
        if (take("!")) {
            FastExpression operand = unary();
            return operand == null ? null : new FastExpression.Unary('!', operand);
        }
        return primary();
    }

    private FastExpression primary() {
        if (next >= tokens.size()) {
            return null;
        }
        String t = tokens.get(next++);
        if (t.equals("(")) {
            FastExpression inner = or();
            return inner != null && take(")") ? inner : null;
        }
        char c = t.charAt(0);
        if (c == '"' || c == '\'') {
            return new FastExpression.Literal(t.substring(1, t.length() - 1));
        }
        if (Character.isDigit(c)) {
            return new FastExpression.Literal(Long.parseLong(t));
        }
        if (t.equals("true") || t.equals("false")) {
            return new FastExpression.Literal(Boolean.valueOf(t));
        }
        if (Character.isJavaIdentifierStart(c)) {
            return new FastExpression.Field(t);
        }
        return null;
    }

    private boolean take(String token) {
        if (next < tokens.size() && tokens.get(next).equals(token)) {
            next++;
            return true;
        }
        return false;
    }

    /** The tokens of {@code text}, or {@code null} if it holds anything outside the subset. */
    static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
            } else if (isAsciiLetter(c) || c == '_') {
                int start = i;
                while (i < text.length() && (isAsciiLetter(text.charAt(i)) || isDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
                String word = text.substring(start, i);
                if (JEXL_WORDS.contains(word)) {
                    return null;
                }
                tokens.add(word);
            } else if (isDigit(c)) {
                int start = i;
                while (i < text.length() && isDigit(text.charAt(i))) {
                    i++;
                }
                if (i - start > MAX_LITERAL_DIGITS || (i < text.length() && (isAsciiLetter(text.charAt(i))
                        || text.charAt(i) == '.' || text.charAt(i) == '_')) || (i - start > 1 && c == '0')) {
                    return null;   // suffixes (1L), fractions, exponents, hex, octal, long literals: JEXL's
                }
                tokens.add(text.substring(start, i));
            } else if (c == '"' || c == '\'') {
                int end = text.indexOf(c, i + 1);
                if (end < 0 || text.substring(i + 1, end).indexOf('\\') >= 0) {
                    return null;
                }
                tokens.add(text.substring(i, end + 1));
                i = end + 1;
            } else {
                String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
                if (List.of("==", "!=", "<=", ">=", "&&", "||").contains(two)) {
                    String after = i + 2 < text.length() ? text.substring(i + 2, i + 3) : "";
                    if (after.equals("=") || after.equals("~") || after.equals("<") || after.equals(">")) {
                        return null;   // ===, !==, <<=, ... : not ours
                    }
                    tokens.add(two);
                    i += 2;
                } else if ("+-*/%<>!()".indexOf(c) >= 0) {
                    String after = i + 1 < text.length() ? text.substring(i + 1, i + 2) : "";
                    if ((c == '<' || c == '>') && (after.equals("<") || after.equals(">"))) {
                        return null;   // shifts
                    }
                    if ((c == '+' && after.equals("+")) || (c == '-' && after.equals("-")) || after.equals("=")
                            || (c == '!' && (after.equals("~") || after.equals("^") || after.equals("$")))) {
                        return null;   // ++, --, +=, !~, ... : not ours
                    }
                    tokens.add(String.valueOf(c));
                    i++;
                } else {
                    return null;
                }
            }
        }
        return tokens;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
