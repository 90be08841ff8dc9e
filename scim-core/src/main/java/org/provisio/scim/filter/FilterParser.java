package org.provisio.scim.filter;

import java.math.BigDecimal;
import java.util.Optional;
import org.provisio.scim.conformance.Conformance;
import org.provisio.scim.conformance.Tolerance;
import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.path.AttributePath;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.scim.resource.DecimalValue;
import org.provisio.scim.resource.IntegerValue;
import org.provisio.scim.resource.NullValue;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.resource.Value;

/**
 * A positional recursive-descent parser for the filter grammar of RFC 7644 §3.4.2.2:
 *
 * <pre>
 * filter    = or
 * or        = and *("or" and)
 * and       = unary *("and" unary)
 * unary     = "(" filter ")" / "not" "(" filter ")" / attrExp / valuePath
 * attrExp   = attrPath "pr" / attrPath compareOp compValue
 * valuePath = attrPath "[" filter "]"            ; no value path inside the brackets
 * compValue = "false" / "null" / "true" / number / string   ; JSON (RFC 8259)
 * </pre>
 *
 * Keywords ({@code and or not pr true false null} and the operators) are case-insensitive. The
 * input is bounded by {@link #MAX_LENGTH} characters and {@link #MAX_DEPTH} levels of nesting,
 * so hostile input ends in an {@code invalidFilter} error, never a stack overflow.
 */
final class FilterParser {
    /** The longest filter accepted, in characters. */
    static final int MAX_LENGTH = 10_000;
    /** The deepest nesting of parentheses, {@code not (...)} and brackets accepted. */
    static final int MAX_DEPTH = 64;

    private final String text;
    private final Conformance conformance;
    private int pos;
    private int depth;
    private boolean inValuePath;

    private FilterParser(String text, Conformance conformance) {
        this.text = text;
        this.conformance = conformance;
    }

    static Filter parse(String text, Conformance conformance) {
        if (text == null) {
            throw ScimException.invalidFilter("a filter is required", 0);
        }
        if (text.length() > MAX_LENGTH) {
            throw ScimException.invalidFilter("the filter is longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
        }
        FilterParser parser = new FilterParser(text, conformance);
        parser.skipSpace();
        if (parser.atEnd()) {
            throw ScimException.invalidFilter("the filter is empty", parser.pos);
        }
        Filter filter = parser.or();
        parser.skipSpace();
        if (!parser.atEnd()) {
            char c = parser.peek();
            throw parser.error(c == ')' ? "')' without a matching '('" : "unexpected '" + c + "'");
        }
        return filter;
    }

    private Filter or() {
        Filter left = and();
        while (keyword("or")) {
            left = new Filter.Or(left, and());
        }
        return left;
    }

    private Filter and() {
        Filter left = unary();
        while (keyword("and")) {
            left = new Filter.And(left, unary());
        }
        return left;
    }

    private Filter unary() {
        skipSpace();
        if (atEnd()) {
            throw error("expected a filter expression");
        }
        if (peek() == '(') {
            return group();
        }
        if (word("not")) {
            pos += 3;
            skipSpace();
            if (atEnd() || peek() != '(') {
                throw error("'not' must be followed by '('");
            }
            return new Filter.Not(group());
        }
        return attributeExpression();
    }

    /** {@code "(" filter ")"}, the cursor on the opening parenthesis. */
    private Filter group() {
        int open = pos;
        enter();
        pos++;
        Filter inner = or();
        expect(')', open);
        depth--;
        return inner;
    }

    private Filter attributeExpression() {
        AttributePath path = attributePath();
        if (!atEnd() && peek() == '[') {
            return valuePath(path);
        }
        return comparison(path);
    }

    /** The operator and value after an attribute path: {@code pr}, or {@code op compValue}. */
    private Filter comparison(AttributePath path) {
        skipSpace();
        if (atEnd()) {
            throw error("expected an operator after '" + path + "'");
        }
        int opStart = pos;
        while (!atEnd() && isAlpha(peek())) {
            pos++;
        }
        String keyword = text.substring(opStart, pos);
        if (keyword.isEmpty()) {
            throw error("expected an operator, found '" + peek() + "'");
        }
        if (keyword.equalsIgnoreCase("pr")) {
            return new Filter.Present(path);
        }
        Optional<CompareOperator> op = CompareOperator.fromKeyword(keyword);
        if (op.isEmpty()) {
            throw ScimException.invalidFilter("unknown operator '" + keyword + "'", opStart);
        }
        skipSpace();
        if (atEnd()) {
            throw error("expected a value after '" + keyword + "'");
        }
        return new Filter.Compare(path, op.get(), value());
    }

    /**
     * {@code attr[filter]}, and the form Microsoft Entra ID and its SCIM validator send to match on a
     * work email, {@code emails[type eq "work"].value eq "x"}. RFC 7644's filter grammar has no
     * {@code valuePath.subAttr}, but its meaning is unambiguous: one element that satisfies both
     * the bracketed filter and the comparison, i.e. {@code emails[type eq "work" and value eq "x"]};
     * that is the AST it parses to.
     */
    private Filter valuePath(AttributePath path) {
        if (inValuePath) {
            throw error("value paths cannot be nested");
        }
        int open = pos;
        enter();
        pos++;
        inValuePath = true;
        Filter inner = or();
        expect(']', open);
        inValuePath = false;
        depth--;
        if (!atEnd() && peek() == '.') {
            if (path.hasSubAttribute()) {
                throw error("'" + path + "' already has a sub-attribute");
            }
            pos++;
            int start = pos;
            while (!atEnd() && !isDelimiter(peek())) {
                pos++;
            }
            String sub = text.substring(start, pos);
            if (sub.isEmpty() || sub.contains(".") || sub.contains(":")) {
                throw ScimException.invalidFilter("expected a sub-attribute name after ']. '", start);
            }
            AttributePath subPath;
            try {
                subPath = AttributePath.parse(sub);
            } catch (ScimException e) {
                throw ScimException.invalidFilter(e.detail(), start + e.position().orElse(0));
            }
            Filter.ValuePath merged = new Filter.ValuePath(path, new Filter.And(inner, comparison(subPath)));
            conformance.tolerate(Tolerance.FILTER_VALUE_PATH_SUB_ATTRIBUTE, "filter");
            return merged;
        }
        return new Filter.ValuePath(path, inner);
    }

    /** The attribute path token up to whitespace, a parenthesis, a bracket or a quote. */
    private AttributePath attributePath() {
        int start = pos;
        while (!atEnd() && !isDelimiter(peek())) {
            pos++;
        }
        if (pos == start) {
            throw error("expected an attribute path, found '" + peek() + "'");
        }
        try {
            return AttributePath.parse(text.substring(start, pos));
        } catch (ScimException e) {
            if (e.type() != ScimErrorType.INVALID_PATH) {
                throw e;
            }
            throw ScimException.invalidFilter(e.detail(), start + e.position().orElse(0));
        }
    }

    private Value value() {
        char c = peek();
        if (c == '"') {
            return StringValue.of(string());
        }
        if (c == '-' || isDigit(c)) {
            return number();
        }
        int start = pos;
        while (!atEnd() && isAlpha(peek())) {
            pos++;
        }
        String word = text.substring(start, pos);
        if (word.equalsIgnoreCase("true")) {
            return BooleanValue.TRUE;
        }
        if (word.equalsIgnoreCase("false")) {
            return BooleanValue.FALSE;
        }
        if (word.equalsIgnoreCase("null")) {
            return NullValue.INSTANCE;
        }
        throw ScimException.invalidFilter("expected a string, number, true, false or null", start);
    }

    /** A JSON string (RFC 8259 §7), the cursor on the opening quote. */
    private String string() {
        int quote = pos;
        StringBuilder sb = new StringBuilder();
        pos++;
        while (true) {
            if (atEnd()) {
                throw ScimException.invalidFilter("unterminated string", quote);
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return pairedSurrogates(sb, quote);
            }
            if (c < 0x20) {
                throw error("control characters in a string must be escaped");
            }
            if (c != '\\') {
                sb.append(c);
                pos++;
                continue;
            }
            int backslash = pos;
            pos++;
            if (atEnd()) {
                throw ScimException.invalidFilter("unterminated string", quote);
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> sb.append(unicodeEscape(backslash));
                default -> throw ScimException.invalidFilter("invalid escape '\\" + e + "'", backslash);
            }
        }
    }

    /** The string, refused when it holds an unpaired UTF-16 surrogate: no stored value can hold one. */
    private static String pairedSurrogates(StringBuilder sb, int quote) {
        for (int i = 0, n = sb.length(); i < n; i++) {
            char ch = sb.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(sb.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(ch)) {
                throw ScimException.invalidFilter("the string holds an unpaired UTF-16 surrogate: not valid Unicode",
                        quote);
            }
        }
        return sb.toString();
    }

    private char unicodeEscape(int backslash) {
        if (pos + 4 > text.length()) {
            throw ScimException.invalidFilter("\\u needs four hexadecimal digits", backslash);
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
            char h = text.charAt(pos + i);
            int digit = h <= 'f' ? Character.digit(h, 16) : -1;
            if (digit < 0) {
                throw ScimException.invalidFilter("\\u needs four hexadecimal digits", backslash);
            }
            code = code * 16 + digit;
        }
        if (code == 0) {
            // no attribute value holds U+0000 (the JSON codec refuses it too), and stores cannot compare it
            throw ScimException.invalidFilter("\\u0000 is not allowed in a filter value", backslash);
        }
        pos += 4;
        return (char) code;
    }

    /**
     * A JSON number (RFC 8259 §6): an integer becomes an {@link IntegerValue} (a {@link DecimalValue} beyond
     * the range of {@code long}), anything else a {@link DecimalValue}.
     */
    private Value number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (atEnd() || !isDigit(peek())) {
            throw error("expected a digit");
        }
        if (peek() == '0') {
            pos++;
            if (!atEnd() && isDigit(peek())) {
                throw error("a number cannot have leading zeros");
            }
        } else {
            digits();
        }
        boolean integer = true;
        if (!atEnd() && peek() == '.') {
            integer = false;
            pos++;
            if (atEnd() || !isDigit(peek())) {
                throw error("expected a digit after '.'");
            }
            digits();
        }
        if (!atEnd() && (peek() == 'e' || peek() == 'E')) {
            integer = false;
            pos++;
            if (!atEnd() && (peek() == '+' || peek() == '-')) {
                pos++;
            }
            if (atEnd() || !isDigit(peek())) {
                throw error("expected a digit in the exponent");
            }
            digits();
        }
        String literal = text.substring(start, pos);
        try {
            if (integer) {
                try {
                    return IntegerValue.of(Long.parseLong(literal));
                } catch (NumberFormatException tooLarge) {
                    return DecimalValue.of(new BigDecimal(literal));
                }
            }
            return DecimalValue.of(new BigDecimal(literal));
        } catch (NumberFormatException | ArithmeticException e) {
            throw ScimException.invalidFilter("number out of range", start);
        }
    }

    private void digits() {
        while (!atEnd() && isDigit(peek())) {
            pos++;
        }
    }

    /** Consumes a keyword ({@code and}, {@code or}) followed by whitespace, '(' or the end. */
    private boolean keyword(String keyword) {
        skipSpace();
        if (word(keyword)) {
            pos += keyword.length();
            return true;
        }
        return false;
    }

    /** Whether the cursor is on the word (any case) followed by whitespace, '(' or the end. */
    private boolean word(String word) {
        int end = pos + word.length();
        return text.regionMatches(true, pos, word, 0, word.length())
                && (end == text.length() || Character.isWhitespace(text.charAt(end)) || text.charAt(end) == '(');
    }

    private void expect(char closing, int open) {
        skipSpace();
        if (atEnd()) {
            throw error("missing '" + closing + "' for the '" + text.charAt(open) + "' at position " + open);
        }
        if (peek() != closing) {
            throw error("expected '" + closing + "', found '" + peek() + "'");
        }
        pos++;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("the filter is nested more than " + MAX_DEPTH + " levels deep");
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private char peek() {
        return text.charAt(pos);
    }

    private ScimException error(String detail) {
        return ScimException.invalidFilter(detail, pos);
    }

    private static boolean isDelimiter(char c) {
        return Character.isWhitespace(c) || c == '(' || c == ')' || c == '[' || c == ']' || c == '"';
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
