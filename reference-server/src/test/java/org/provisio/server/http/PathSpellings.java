package org.provisio.server.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every respelling of a path an attacker might try against a guarded route: matrix parameters and their
 * encoded {@code ;} in each segment, upper case, a percent-encoded first letter, {@code ./}, {@code x/../},
 * doubled and encoded slashes, a trailing {@code /} or {@code ;}. Shared by the API's and the console's
 * spelling tests.
 */
public final class PathSpellings {
    private PathSpellings() {
    }

    /** Every respelling of {@code path} an attacker might try. */
    public static List<String> of(String path) {
        List<String> out = new ArrayList<>();
        String[] segments = path.substring(1).split("/");
        for (int i = 0; i < segments.length; i++) {
            out.add(withSegment(segments, i, segments[i] + ";x"));
            out.add(withSegment(segments, i, segments[i] + ";"));
            out.add(withSegment(segments, i, segments[i] + ";a=b;c"));
            out.add(withSegment(segments, i, segments[i] + "%3Bx"));
            out.add(withSegment(segments, i, segments[i].toUpperCase(Locale.ROOT)));
            out.add(withSegment(segments, i, "%" + Integer.toHexString(segments[i].charAt(0)) + segments[i].substring(1)));
            out.add(withSegment(segments, i, "./" + segments[i]));
            out.add(withSegment(segments, i, "x/../" + segments[i]));
            out.add(withSegment(segments, i, "/" + segments[i]));
            if (i > 0) {
                out.add(path.replaceFirst("/" + java.util.regex.Pattern.quote(segments[i]), "%2F" + segments[i]));
            }
        }
        out.add(path + "/");
        out.add(path + ";");
        out.add("/" + path);
        out.add(path.replace("/", "//"));
        return out;
    }

    private static String withSegment(String[] segments, int index, String replacement) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            b.append('/').append(i == index ? replacement : segments[i]);
        }
        return b.toString();
    }
}
