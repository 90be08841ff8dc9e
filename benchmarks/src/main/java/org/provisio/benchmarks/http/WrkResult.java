package org.provisio.benchmarks.http;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One wrk run, read from its {@code --latency} output: requests per second, the median and 99th
 * percentile latency, responses that were not 2xx or 3xx, and socket errors (connect, read, write
 * and timeouts).
 */
record WrkResult(double requestsPerSecond, long requests, double p50Millis, double p99Millis, long non2xx,
        long connectErrors, long readErrors, long writeErrors, long timeouts) {

    private static final Pattern RPS = Pattern.compile("^Requests/sec:\\s+([0-9.]+)", Pattern.MULTILINE);
    private static final Pattern REQUESTS = Pattern.compile("^\\s*(\\d+) requests in ", Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("^\\s*Non-2xx or 3xx responses:\\s+(\\d+)",
            Pattern.MULTILINE);
    private static final Pattern SOCKET = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    /** Everything that did not succeed: non-2xx responses plus socket errors and timeouts. */
    long failures() {
        return non2xx + connectErrors + readErrors + writeErrors + timeouts;
    }

    /** {@code 0}, or the total with its parts, e.g. {@code 7 (5 non-2xx, 2 timeouts)}. */
    String failureSummary() {
        if (failures() == 0) {
            return "0";
        }
        StringBuilder parts = new StringBuilder();
        part(parts, non2xx, "non-2xx");
        part(parts, timeouts, "timeouts");
        part(parts, connectErrors, "connect errors");
        part(parts, readErrors, "read errors");
        part(parts, writeErrors, "write errors");
        return failures() + " (" + parts + ")";
    }

    private static void part(StringBuilder parts, long count, String what) {
        if (count > 0) {
            parts.append(parts.length() == 0 ? "" : ", ").append(count).append(' ').append(what);
        }
    }

    static WrkResult parse(String output) {
        Matcher rps = RPS.matcher(output);
        if (!rps.find()) {
            throw new IllegalArgumentException("no Requests/sec line in wrk's output");
        }
        Matcher socket = SOCKET.matcher(output);
        boolean hasSocket = socket.find();
        return new WrkResult(
                Double.parseDouble(rps.group(1)),
                first(REQUESTS, output),
                percentile(output, "50%"),
                percentile(output, "99%"),
                first(NON_2XX, output),
                hasSocket ? Long.parseLong(socket.group(1)) : 0,
                hasSocket ? Long.parseLong(socket.group(2)) : 0,
                hasSocket ? Long.parseLong(socket.group(3)) : 0,
                hasSocket ? Long.parseLong(socket.group(4)) : 0);
    }

    private static long first(Pattern pattern, String output) {
        Matcher m = pattern.matcher(output);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** A line of the "Latency Distribution" block, e.g. {@code 99%    5.63ms}, in milliseconds. */
    private static double percentile(String output, String which) {
        Matcher m = Pattern.compile("^\\s*" + Pattern.quote(which) + "\\s+([0-9.]+)(us|ms|s|m|h)\\s*$",
                Pattern.MULTILINE).matcher(output);
        if (!m.find()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "us" -> value / 1000;
            case "ms" -> value;
            case "s" -> value * 1000;
            case "m" -> value * 60_000;
            default -> value * 3_600_000;
        };
    }
}
