package org.provisio.benchmarks.http;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The results of one run as a Markdown table: a column per target, per workload its req/s, the
 * ratio to the ceiling's {@code GET /Users/{id}} of the same run, p50 and p99 latency and failures;
 * then start-up, the users' load, RSS and the outbox's drain.
 */
final class Report {
    private final List<Store> targets;
    private final Map<Workload, Map<Store, WrkResult>> results = new EnumMap<>(Workload.class);
    private final Map<Workload, Map<Store, String>> failures = new EnumMap<>(Workload.class);
    private final Map<Store, String> targetFailures = new EnumMap<>(Store.class);
    private final Map<Store, long[]> startup = new EnumMap<>(Store.class);
    private final Map<Store, String> load = new EnumMap<>(Store.class);
    private final Map<Store, long[]> memory = new EnumMap<>(Store.class);
    private final Map<String, Map<Store, String>> drains = new LinkedHashMap<>();
    private final Map<Workload, Map<Store, Integer>> warmups = new EnumMap<>(Workload.class);

    Report(List<Store> targets) {
        this.targets = List.copyOf(targets);
    }

    void result(Workload workload, Store store, WrkResult result) {
        results.computeIfAbsent(workload, w -> new EnumMap<>(Store.class)).put(store, result);
    }

    /** How long {@code store} ran {@code workload} unmeasured before its measured run. */
    void warmup(Workload workload, Store store, int seconds) {
        warmups.computeIfAbsent(workload, w -> new EnumMap<>(Store.class)).put(store, seconds);
    }

    void failure(Workload workload, Store store, String why) {
        failures.computeIfAbsent(workload, w -> new EnumMap<>(Store.class)).put(store, why);
    }

    void targetFailed(Store store, String why) {
        targetFailures.put(store, why);
    }

    void startup(Store store, long wallMillis, long cpuMillis) {
        startup.put(store, new long[] {wallMillis, cpuMillis});
    }

    void load(Store store, int users, long millis) {
        load.put(store, String.format(Locale.ROOT, "%.1f s (%,d users/s)", millis / 1000.0,
                Math.round(users * 1000.0 / Math.max(1, millis))));
    }

    void memory(Store store, OptionalLong rssKib, OptionalLong peakKib) {
        memory.put(store, new long[] {rssKib.orElse(-1), peakKib.orElse(-1)});
    }

    void drain(String phase, Store store, String seconds) {
        drains.computeIfAbsent(phase, p -> new EnumMap<>(Store.class)).put(store, seconds);
    }

    /** The ceiling's {@code GET /Users/{id}} req/s of this run, the denominator of every ratio. */
    private Double ceiling() {
        WrkResult r = results.getOrDefault(Workload.GET_BY_ID, Map.of()).get(Store.CEILING);
        return r == null || r.requestsPerSecond() <= 0 ? null : r.requestsPerSecond();
    }

    String markdown(List<String> preamble) {
        StringBuilder md = new StringBuilder();
        for (String line : preamble) {
            md.append(line).append('\n');
        }
        md.append('\n');
        md.append("| measurement |");
        targets.forEach(t -> md.append(' ').append(t.label()).append(" |"));
        md.append("\n|---|");
        targets.forEach(t -> md.append("---:|"));
        md.append('\n');
        Double ceiling = ceiling();
        for (Workload w : Workload.values()) {
            row(md, w.label() + ": req/s", s -> cell(w, s, r -> String.format(Locale.ROOT, "%,.0f", r.requestsPerSecond())));
            row(md, w.label() + ": × ceiling GET by id", s -> cell(w, s, r -> ceiling == null ? "—"
                    : String.format(Locale.ROOT, "%.2f", r.requestsPerSecond() / ceiling)));
            row(md, w.label() + ": p50 / p99 ms", s -> cell(w, s, r -> millis(r.p50Millis()) + " / " + millis(r.p99Millis())));
            row(md, w.label() + ": non-2xx + errors", s -> cell(w, s, WrkResult::failureSummary));
            row(md, w.label() + ": warm-up, s", s -> cell(w, s, r -> {
                Integer seconds = warmups.getOrDefault(w, Map.of()).get(s);
                return seconds == null ? "—" : Integer.toString(seconds);
            }));
        }
        row(md, "start-up to first 200: wall ms", s -> startup.containsKey(s)
                ? String.format(Locale.ROOT, "%,d", startup.get(s)[0]) : failed(s));
        row(md, "start-up to first 200: CPU ms", s -> startup.containsKey(s)
                ? String.format(Locale.ROOT, "%,d", startup.get(s)[1]) : failed(s));
        row(md, "load the users (POST /Users from the Java client)", s -> load.getOrDefault(s, s.isProvisio() ? failed(s) : "—"));
        row(md, "RSS after the run, MiB", s -> mib(s, 0));
        row(md, "peak RSS (VmHWM), MiB", s -> mib(s, 1));
        for (Map.Entry<String, Map<Store, String>> drain : drains.entrySet()) {
            row(md, "outbox drain after " + drain.getKey() + ", s",
                    s -> drain.getValue().getOrDefault(s, s.isProvisio() ? failed(s) : "—"));
        }
        List<String> notes = new ArrayList<>();
        targetFailures.forEach((s, why) -> notes.add(s.label() + " failed: " + why));
        failures.forEach((w, byStore) -> byStore.forEach((s, why) -> notes.add(w.label() + " on " + s.label()
                + " failed: " + why)));
        if (!notes.isEmpty()) {
            md.append('\n');
            notes.forEach(n -> md.append("- ").append(n.replace('\n', ' ')).append('\n'));
        }
        return md.toString();
    }

    private void row(StringBuilder md, String label, Function<Store, String> value) {
        md.append("| ").append(label.replace("|", "\\|")).append(" |");
        for (Store s : targets) {
            md.append(' ').append(value.apply(s).replace("|", "\\|")).append(" |");
        }
        md.append('\n');
    }

    private String cell(Workload w, Store s, Function<WrkResult, String> format) {
        if (!w.appliesTo(s)) {
            return "—";
        }
        WrkResult r = results.getOrDefault(w, Map.of()).get(s);
        if (r != null) {
            return format.apply(r);
        }
        return failures.getOrDefault(w, Map.of()).containsKey(s) ? "failed" : failed(s);
    }

    private String failed(Store s) {
        return targetFailures.containsKey(s) ? "failed" : "—";
    }

    private String mib(Store s, int which) {
        long[] m = memory.get(s);
        if (m == null || m[which] < 0) {
            return failed(s);
        }
        return String.format(Locale.ROOT, "%,d", Math.round(m[which] / 1024.0));
    }

    private static String millis(double ms) {
        if (Double.isNaN(ms)) {
            return "—";
        }
        if (ms < 10) {
            return String.format(Locale.ROOT, "%.2f", ms);
        }
        return ms < 100 ? String.format(Locale.ROOT, "%.1f", ms) : String.format(Locale.ROOT, "%,.0f", ms);
    }
}
