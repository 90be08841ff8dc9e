package org.provisio.scim.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link CaseFolding}: the fold, and every comparison defined on it, with the ASCII fast paths. */
class CaseFoldingTest {

    static Stream<Arguments> folds() {
        return Stream.of(
                Arguments.of("bjensen@example.com", "bjensen@example.com"),
                Arguments.of("BJensen@Example.COM", "bjensen@example.com"),
                Arguments.of("", ""),
                // Greek: one capital sigma, written final at the end of a word
                Arguments.of("\u03b1\u03c2", "\u03b1\u03c2"),
                Arguments.of("\u03b1\u03c3", "\u03b1\u03c2"),
                Arguments.of("\u0391\u03a3", "\u03b1\u03c2"),
                Arguments.of("\u039f\u03b4\u03c5\u03c3\u03c3\u03ad\u03b1\u03c2",
                        "\u03bf\u03b4\u03c5\u03c3\u03c3\u03ad\u03b1\u03c2"),
                // German sharp s
                Arguments.of("stra\u00dfe", "strasse"),
                Arguments.of("STRASSE", "strasse"),
                Arguments.of("\u1e9e", "\u00df"),
                // Turkish dotless and dotted i
                Arguments.of("\u0131", "i"),
                Arguments.of("I", "i"),
                Arguments.of("\u0130", "i\u0307"),
                Arguments.of("I\u015f\u0131k", "i\u015fik"),
                // precomposed and combining accents
                Arguments.of("\u00e9", "\u00e9"),
                Arguments.of("e\u0301", "\u00e9"),
                Arguments.of("\u00c9", "\u00e9"),
                Arguments.of("E\u0301", "\u00e9"),
                // other characters whose fold is ASCII
                Arguments.of("\u212a", "k"),
                Arguments.of("\ufb03", "ffi"));
    }

    @ParameterizedTest(name = "fold({0}) = {1}")
    @MethodSource("folds")
    void folds(String text, String expected) {
        assertThat(CaseFolding.fold(text)).isEqualTo(expected);
    }

    @Test
    void lowerCaseAsciiIsReturnedAsItIs() {
        String text = "already-lower@example.com";
        assertThat(CaseFolding.fold(text)).isSameAs(text);
    }

    /** {@code method, text, other, expected}. */
    static Stream<Arguments> relations() {
        return Stream.of(
                Arguments.of("eq", "bjensen", "BJENSEN", true),
                Arguments.of("eq", "bjensen", "bjensen2", false),
                Arguments.of("eq", "\u03b1\u03c2", "\u03b1\u03c3", true),
                Arguments.of("eq", "stra\u00dfe", "STRASSE", true),
                Arguments.of("eq", "strasse", "STRA\u00dfE", true),
                Arguments.of("eq", "\u0131", "i", true),
                Arguments.of("eq", "\u0131", "I", true),
                Arguments.of("eq", "i", "I", true),
                Arguments.of("eq", "\u0130", "i", false),
                Arguments.of("eq", "\u0130", "I", false),
                Arguments.of("eq", "\u0130", "i\u0307", true),
                Arguments.of("eq", "\u00e9", "e\u0301", true),
                Arguments.of("eq", "e\u0301", "\u00c9", true),
                Arguments.of("eq", "\u00e9", "e", false),
                Arguments.of("co", "Hauptstra\u00dfe 5", "STRASSE", true),
                Arguments.of("co", "Hauptstrasse 5", "\u00df", true),
                Arguments.of("co", "example.COM", "E.c", true),
                Arguments.of("co", "example", "", true),
                Arguments.of("co", "ex", "example", false),
                Arguments.of("co", "Soci\u00e9t\u00e9", "E\u0301T", true),
                Arguments.of("co", "I\u015f\u0131k", "\u015eI", true),
                Arguments.of("sw", "\u039f\u03b4\u03c5\u03c3\u03c3\u03ad\u03b1\u03c2", "\u039f\u0394\u03a5", true),
                // the part is folded on its own: a trailing sigma becomes final
                Arguments.of("sw", "\u039f\u03b4\u03c5\u03c3\u03c3\u03ad\u03b1\u03c2", "\u039f\u0394\u03a5\u03a3", false),
                Arguments.of("sw", "\u0131stanbul", "IST", true),
                Arguments.of("sw", "\u0130stanbul", "ist", false),
                Arguments.of("sw", "Stra\u00dfe", "STRAS", true),
                Arguments.of("sw", "JSmith", "js", true),
                Arguments.of("sw", "js", "JSmith", false),
                Arguments.of("ew", "\u039f\u03b4\u03c5\u03c3\u03c3\u03ad\u03b1\u03c2", "\u0388\u0391\u03a3", true),
                Arguments.of("ew", "\u039f\u03b4\u03c5\u03c3\u03c3\u03ad\u03b1\u03c2", "\u03ad\u03b1\u03c3", true),
                Arguments.of("ew", "\u039f\u03b4\u03c5\u03c3\u03c3\u03ad\u03b1\u03c2", "\u0395\u0391\u03a3", false),
                Arguments.of("ew", "Caf\u00e9", "E\u0301", true),
                Arguments.of("ew", "user@EXAMPLE.com", "@example.COM", true),
                Arguments.of("ew", "m", "com", false));
    }

    @ParameterizedTest(name = "{0}({1}, {2}) = {3}")
    @MethodSource("relations")
    void relatesOnFolds(String method, String text, String other, boolean expected) {
        assertThat(relate(method, text, other)).isEqualTo(expected);
        assertThat(relate(method, text, other)).as("the definition on folds")
                .isEqualTo(definition(method, CaseFolding.fold(text), CaseFolding.fold(other)));
    }

    /** {@code a, b, sign of compareIgnoreCase(a, b)}. */
    static Stream<Arguments> orders() {
        return Stream.of(
                Arguments.of("alice", "BOB", -1),
                Arguments.of("Bob", "alice", 1),
                Arguments.of("ALICE", "alice", 0),
                Arguments.of("ali", "alice", -1),
                // ß sorts as ss, not after z as its code point would
                Arguments.of("stra\u00dfe", "STRASSE", 0),
                Arguments.of("stra\u00dfe", "strat", -1),
                // dotless ı sorts as i
                Arguments.of("\u0131a", "ib", -1),
                // a combining accent sorts as the precomposed letter
                Arguments.of("e\u0301b", "\u00e9a", 1),
                Arguments.of("\u03b1\u03c3", "\u0391\u03a3", 0));
    }

    @ParameterizedTest(name = "compare({0}, {1}) = {2}")
    @MethodSource("orders")
    void comparesFolds(String a, String b, int sign) {
        assertThat(Integer.signum(CaseFolding.compareIgnoreCase(a, b))).isEqualTo(sign);
        assertThat(Integer.signum(CaseFolding.compareIgnoreCase(b, a))).isEqualTo(-sign);
    }

    @Test
    void asciiFastPathsAgreeWithTheFolds() {
        Random random = new Random(7);
        String alphabet = "aAbBzZ09@.-_ ~";
        for (int i = 0; i < 20_000; i++) {
            String a = randomText(random, alphabet);
            String b = randomText(random, alphabet);
            for (String method : new String[] {"eq", "co", "sw", "ew"}) {
                assertThat(relate(method, a, b)).as(method + "(" + a + ", " + b + ")")
                        .isEqualTo(definition(method, fold(a), fold(b)));
            }
            assertThat(CaseFolding.compareIgnoreCase(a, b)).as("compare(" + a + ", " + b + ")")
                    .isEqualTo(fold(a).compareTo(fold(b)));
        }
    }

    private static String randomText(Random random, String alphabet) {
        StringBuilder sb = new StringBuilder();
        for (int n = random.nextInt(4); n > 0; n--) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** The fold as the javadoc states it, without the fast path. */
    private static String fold(String text) {
        return java.text.Normalizer.normalize(text.toUpperCase(java.util.Locale.ROOT)
                .toLowerCase(java.util.Locale.ROOT), java.text.Normalizer.Form.NFC);
    }

    private static boolean relate(String method, String text, String other) {
        return switch (method) {
            case "eq" -> CaseFolding.equalsIgnoreCase(text, other);
            case "co" -> CaseFolding.containsIgnoreCase(text, other);
            case "sw" -> CaseFolding.startsWithIgnoreCase(text, other);
            case "ew" -> CaseFolding.endsWithIgnoreCase(text, other);
            default -> throw new IllegalArgumentException(method);
        };
    }

    private static boolean definition(String method, String text, String other) {
        return switch (method) {
            case "eq" -> text.equals(other);
            case "co" -> text.contains(other);
            case "sw" -> text.startsWith(other);
            case "ew" -> text.endsWith(other);
            default -> throw new IllegalArgumentException(method);
        };
    }
}
