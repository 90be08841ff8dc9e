package org.provisio.benchmarks.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs wrk with one of the Lua scripts of {@code benchmarks/src/main/wrk} and reads its result. */
final class Wrk {
    private final Settings settings;
    private final Pids pids;
    private volatile Process running;

    Wrk(Settings settings, Pids pids) {
        this.settings = settings;
        this.pids = pids;
    }

    /**
     * {@code wrk -t<threads> -c<connections> -d<seconds>s --timeout <t>s --latency} against {@code url}
     * with the target's SCIM token, the workload's script and {@code scriptArgs}; the whole output is
     * kept in {@code transcript}.
     */
    WrkResult run(Target target, Workload workload, String url, int seconds, Path transcript, String... scriptArgs)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(settings.wrk(),
                "-t" + settings.wrkThreads(), "-c" + settings.wrkConnections(), "-d" + seconds + "s",
                "--timeout", settings.wrkTimeoutSeconds() + "s", "--latency",
                "-H", "Authorization: Bearer " + target.scimToken(),
                "-s", settings.wrkScripts().resolve(workload.script()).toString(),
                url));
        if (scriptArgs.length > 0) {
            command.add("--");
            command.addAll(List.of(scriptArgs));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        running = process;
        pids.add(process.pid());
        String output;
        try {
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(seconds + settings.wrkTimeoutSeconds() + 30L, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("wrk did not finish");
            }
        } finally {
            running = null;
        }
        Files.writeString(transcript, String.join(" ", command).replace(target.scimToken(), "<token>") + "\n\n"
                + output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException("wrk exited with " + process.exitValue() + ": " + output.strip());
        }
        return WrkResult.parse(output);
    }

    /** Stops a wrk run in flight, if any (on shutdown). */
    void stop() throws InterruptedException {
        Process process = running;
        if (process != null) {
            Target.stop(process, Duration.ofSeconds(2));
        }
    }
}
