package org.provisio.scim.filter;

import org.provisio.scim.resource.Value;

/** Writes filter literals. (stub: being implemented) */
final class FilterLiterals {
    private FilterLiterals() {
    }

    static String write(Value value) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
