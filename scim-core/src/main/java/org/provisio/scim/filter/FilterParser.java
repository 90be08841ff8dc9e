package org.provisio.scim.filter;

/** Parses filters. (stub: being implemented) */
final class FilterParser {
    private FilterParser() {
    }

    static Filter parse(String text) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
