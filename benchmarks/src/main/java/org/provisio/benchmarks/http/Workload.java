package org.provisio.benchmarks.http;

/** The wrk workloads, in the order they run; each alternates over the targets it applies to. */
enum Workload {
    /** {@code GET /Users/{id}} of random loaded users; the ceiling's run is the reference of every ratio. */
    GET_BY_ID("GET /Users/{id}", "get-by-id.lua", true, false),
    /** {@code GET /Users?filter=userName eq "<random existing>"}. */
    FILTER_USERNAME("GET /Users?filter=userName eq", "filter-username.lua", false, false),
    /** {@code POST /Users}, every request a new userName. */
    POST_USER("POST /Users", "post-user.lua", false, true),
    /** {@code PATCH} of one hot user, {@code active} false and true alternately, no {@code If-Match}. */
    PATCH_HOT_USER("PATCH active of one user", "patch-active.lua", false, true);

    private final String label;
    private final String script;
    private final boolean onCeiling;
    private final boolean writes;

    Workload(String label, String script, boolean onCeiling, boolean writes) {
        this.label = label;
        this.script = script;
        this.onCeiling = onCeiling;
        this.writes = writes;
    }

    String label() {
        return label;
    }

    String script() {
        return script;
    }

    boolean appliesTo(Store store) {
        return store.isProvisio() || onCeiling;
    }

    boolean writes() {
        return writes;
    }
}
