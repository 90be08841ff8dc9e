package org.provisio.adapters.delivery;

/**
 * Text from clients made safe for one log line: control characters escaped, nothing else changed.
 * {@code LogText.escape("kim\r\nINFO forged")} is {@code kim\\r\\nINFO forged}.
 */
public final class LogText {
    private LogText() {
    }

    /** The text with every ISO control character and line separator escaped ({@code \\r}, U+0007). */
    public static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (Character.isISOControl(ch) || ch == '\u2028' || ch == '\u2029') {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                out.append(switch (ch) {
                    case '\r' -> "\\r";
                    case '\n' -> "\\n";
                    case '\t' -> "\\t";
                    default -> String.format("\\u%04x", (int) ch);
                });
            } else if (out != null) {
                out.append(ch);
            }
        }
        return out == null ? text : out.toString();
    }
}
