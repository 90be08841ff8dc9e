package org.provisio.scim.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * The one definition of "the same text, ignoring case" for attribute values that are not
 * {@code caseExact} (RFC 7643 §2.1 and §2.2): two texts are the same when their {@link #fold folds}
 * are equal, where the fold is {@code NFC(lowerCase(upperCase(text)))} in {@link Locale#ROOT}. Every
 * case-insensitive comparison of values in Provisio (filters, sorting, and the stores that keep a
 * folded copy to look a value up) uses these methods, so a value found by one is found by all.
 *
 * <p>Consequences worth knowing:
 * <table>
 *   <caption>Texts with equal folds</caption>
 *   <tr><th>texts</th><th>fold</th><th>why</th></tr>
 *   <tr><td>{@code "ας"} ≡ {@code "ασ"} ≡ {@code "ΑΣ"}</td><td>{@code "ας"}</td>
 *       <td>Greek final sigma: upper case has one sigma, lower case writes it final at the end of a word</td></tr>
 *   <tr><td>{@code "straße"} ≡ {@code "STRASSE"} ≡ {@code "strasse"}</td><td>{@code "strasse"}</td>
 *       <td>German ß has the upper case "SS"</td></tr>
 *   <tr><td>{@code "ı"} (dotless, U+0131) ≡ {@code "i"} ≡ {@code "I"}</td><td>{@code "i"}</td>
 *       <td>the upper case of dotless ı is I; {@code Locale.ROOT} is not Turkish</td></tr>
 *   <tr><td>{@code "İ"} (dotted capital, U+0130) ≢ {@code "i"}</td><td>{@code "i"} + U+0307</td>
 *       <td>its lower case keeps the dot as a combining U+0307</td></tr>
 *   <tr><td>{@code "é"} (U+00E9) ≡ {@code "e"} + U+0301 (combining acute) ≡ {@code "É"}</td>
 *       <td>{@code "é"} (U+00E9)</td><td>NFC composes the accent</td></tr>
 * </table>
 * Accents are not dropped ({@code "é"} ≢ {@code "e"}), and capital ẞ (U+1E9E) folds to ß, not "ss".
 * {@link #containsIgnoreCase}, {@link #startsWithIgnoreCase} and {@link #endsWithIgnoreCase} fold the
 * part on its own, so a part that ends in σ folds it to a final ς: {@code "Οδυσσέας"} does not start
 * with {@code "ΟΔΥΣ"} (fold {@code "οδυς"}), though it starts with {@code "ΟΔΥ"} and ends with
 * {@code "ΈΑΣ"}.
 *
 * <p>Pure-ASCII texts take fast paths that do not allocate and agree with the fold exactly. Arguments
 * are never {@code null}. Attribute names and schema URNs are not values: they keep their ASCII
 * case-insensitive matching ({@link String#equalsIgnoreCase}).
 */
public final class CaseFolding {
    private CaseFolding() {
    }

    /**
     * The fold of a text: {@code Normalizer.normalize(text.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT),
     * NFC)}. A pure-ASCII text comes back lower-cased, as the same instance when it already was.
     */
    public static String fold(String text) {
        Objects.requireNonNull(text, "text");
        int firstUpper = -1;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return Normalizer.normalize(text.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT),
                        Normalizer.Form.NFC);
            }
            if (firstUpper < 0 && c >= 'A' && c <= 'Z') {
                firstUpper = i;
            }
        }
        if (firstUpper < 0) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (int i = firstUpper; i < chars.length; i++) {
            chars[i] = lower(chars[i]);
        }
        return new String(chars);
    }

    /** Whether the folds of {@code a} and {@code b} are equal. */
    public static boolean equalsIgnoreCase(String a, String b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (isAscii(a) && isAscii(b)) {
            return a.length() == b.length() && regionMatches(a, 0, b);
        }
        return fold(a).equals(fold(b));
    }

    /** Whether the fold of {@code text} contains the fold of {@code part}. */
    public static boolean containsIgnoreCase(String text, String part) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(part, "part");
        if (isAscii(text) && isAscii(part)) {
            for (int i = 0, last = text.length() - part.length(); i <= last; i++) {
                if (regionMatches(text, i, part)) {
                    return true;
                }
            }
            return false;
        }
        return fold(text).contains(fold(part));
    }

    /** Whether the fold of {@code text} starts with the fold of {@code part}. */
    public static boolean startsWithIgnoreCase(String text, String part) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(part, "part");
        if (isAscii(text) && isAscii(part)) {
            return text.length() >= part.length() && regionMatches(text, 0, part);
        }
        return fold(text).startsWith(fold(part));
    }

    /** Whether the fold of {@code text} ends with the fold of {@code part}. */
    public static boolean endsWithIgnoreCase(String text, String part) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(part, "part");
        if (isAscii(text) && isAscii(part)) {
            return text.length() >= part.length() && regionMatches(text, text.length() - part.length(), part);
        }
        return fold(text).endsWith(fold(part));
    }

    /**
     * Compares the folds of {@code a} and {@code b} with {@link String#compareTo}: negative, zero or
     * positive as the fold of {@code a} sorts before, with or after the fold of {@code b}.
     */
    public static int compareIgnoreCase(String a, String b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (isAscii(a) && isAscii(b)) {
            int n = Math.min(a.length(), b.length());
            for (int i = 0; i < n; i++) {
                char ca = lower(a.charAt(i));
                char cb = lower(b.charAt(i));
                if (ca != cb) {
                    return ca - cb;
                }
            }
            return a.length() - b.length();
        }
        return fold(a).compareTo(fold(b));
    }

    private static boolean isAscii(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** ASCII only: whether {@code text} holds {@code part} at {@code offset}, ignoring ASCII case. */
    private static boolean regionMatches(String text, int offset, String part) {
        for (int i = 0, n = part.length(); i < n; i++) {
            if (lower(text.charAt(offset + i)) != lower(part.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
