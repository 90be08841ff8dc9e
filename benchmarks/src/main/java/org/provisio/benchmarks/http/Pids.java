package org.provisio.benchmarks.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The file listing every process the benchmark started, one {@code <pid> <start ticks>} a line, so
 * that {@code http-bench.sh} can kill what is left even when this JVM was killed itself; the start
 * time keeps it from killing an unrelated process that got a recycled pid.
 */
final class Pids {
    private final Path file;

    Pids(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void add(long pid) {
        String line = pid + " " + ProcStats.startTicks(pid).orElse(0) + "\n";
        try {
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
