package org.provisio.benchmarks.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** What Linux's {@code /proc} says about a process: its CPU time and its resident memory. */
final class ProcStats {
    private static final long TICKS_PER_SECOND = ticksPerSecond();

    private ProcStats() {
    }

    /** User plus system CPU time of {@code pid} so far ({@code utime + stime} of {@code /proc/<pid>/stat}). */
    static OptionalLong cpuMillis(long pid) {
        String[] fields = statFields(pid);
        if (fields.length < 13) {
            return OptionalLong.empty();
        }
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return OptionalLong.of(ticks * 1000 / TICKS_PER_SECOND);
    }

    /**
     * CPU time so far of {@code pid}'s JIT compiler threads (HotSpot's {@code C1/C2 CompilerThread<n>},
     * whose names Linux cuts to 15 characters), from {@code /proc/<pid>/task/<tid>/stat}: while it grows,
     * the process is still compiling its hot paths. Empty when {@code /proc} does not say.
     */
    static OptionalLong compilerCpuMillis(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        long ticks = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) threads::iterator) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    continue; // the thread ended meanwhile
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    String[] fields = afterName(stat);
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(ticks * 1000 / TICKS_PER_SECOND);
    }

    /** The start time of {@code pid} in clock ticks since boot (field 22), to recognise it later. */
    static OptionalLong startTicks(long pid) {
        String[] fields = statFields(pid);
        return fields.length < 20 ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(fields[19]));
    }

    /** A field of {@code /proc/<pid>/status} such as {@code VmRSS} or {@code VmHWM}, in KiB. */
    static OptionalLong statusKib(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"),
                    StandardCharsets.UTF_8)) {
                if (line.startsWith(field + ":")) {
                    String value = line.substring(field.length() + 1).trim();
                    return OptionalLong.of(Long.parseLong(value.split("\\s+")[0]));
                }
            }
            return OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** The fields after the command name, which may itself hold spaces: index 0 is field 3, the state. */
    private static String[] statFields(long pid) {
        try {
            return afterName(Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return new String[0];
        }
    }

    /** The fields of a {@code stat} line after the command name, which may itself hold spaces. */
    private static String[] afterName(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    }

    private static long ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            getconf.waitFor();
            return Long.parseLong(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
