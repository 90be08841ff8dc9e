package org.provisio.benchmarks.http;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one run of the HTTP benchmark does, read from environment variables (all optional). Paths
 * are relative to {@code BENCH_ROOT}, the repository root (default: the working directory).
 *
 * @param jvmOptions the JVM options every target is started with: the README's run command
 */
record Settings(
        List<String> jvmOptions,
        int durationSeconds,
        int warmupSeconds,
        int warmupMaxSeconds,
        int users,
        int loadThreads,
        int wrkThreads,
        int wrkConnections,
        int wrkTimeoutSeconds,
        int drainCapSeconds,
        List<Store> targets,
        Path root,
        Path serverJar,
        Path ceilingJar,
        Path wrkScripts,
        Path out,
        Path markdown,
        String wrk,
        String java) {

    /** The JVM options of the README's run command, unless {@code BENCH_JVM_OPTS} says otherwise. */
    static final String DEFAULT_JVM_OPTS = "-XX:SharedArchiveFile=reference-server/target/provisio.jsa -Xms128m -Xmx256m"
            + " -XX:+UseSerialGC";

    Settings {
        jvmOptions = List.copyOf(jvmOptions);
        targets = List.copyOf(targets);
        if (durationSeconds < 1 || warmupSeconds < 0 || warmupMaxSeconds < warmupSeconds || users < 1 || loadThreads < 1 || wrkThreads < 1
                || wrkConnections < wrkThreads || wrkTimeoutSeconds < 1 || drainCapSeconds < 0) {
            throw new IllegalArgumentException("bad benchmark settings: durations and counts must be positive, "
                    + "BENCH_WARMUP_MAX at least BENCH_WARMUP, and BENCH_WRK_CONNECTIONS at least BENCH_WRK_THREADS");
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("BENCH_TARGETS names no target");
        }
    }

    static Settings fromEnvironment(Map<String, String> env) {
        Path root = Path.of(env.getOrDefault("BENCH_ROOT", ".")).toAbsolutePath().normalize();
        String opts = env.getOrDefault("BENCH_JVM_OPTS", DEFAULT_JVM_OPTS).trim();
        return new Settings(
                opts.isEmpty() ? List.of() : List.of(opts.split("\\s+")),
                integer(env, "BENCH_DURATION", 10),
                integer(env, "BENCH_WARMUP", 10),
                integer(env, "BENCH_WARMUP_MAX", 90),
                integer(env, "BENCH_USERS", 10_000),
                integer(env, "BENCH_LOAD_THREADS", 8),
                integer(env, "BENCH_WRK_THREADS", 2),
                integer(env, "BENCH_WRK_CONNECTIONS", 16),
                integer(env, "BENCH_WRK_TIMEOUT", 2),
                integer(env, "BENCH_DRAIN_CAP", 120),
                targets(env.getOrDefault("BENCH_TARGETS", "ceiling,memory,h2,postgresql")),
                root,
                root.resolve(env.getOrDefault("BENCH_SERVER_JAR", "reference-server/target/provisio-server.jar")),
                root.resolve(env.getOrDefault("BENCH_CEILING_JAR", "benchmarks/target/http-ceiling.jar")),
                root.resolve(env.getOrDefault("BENCH_WRK_SCRIPTS", "benchmarks/src/main/wrk")),
                root.resolve(env.getOrDefault("BENCH_OUT", "benchmarks/target/http-bench")),
                root.resolve(env.getOrDefault("BENCH_MARKDOWN", "benchmarks/target/http-bench.md")),
                env.getOrDefault("BENCH_WRK", "wrk"),
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static int integer(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
    }

    private static List<Store> targets(String names) {
        List<Store> stores = new ArrayList<>();
        for (String name : names.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            Store store = Store.named(name.trim().toLowerCase(Locale.ROOT));
            if (!stores.contains(store)) {
                stores.add(store);
            }
        }
        stores.sort(null);
        return stores;
    }
}
