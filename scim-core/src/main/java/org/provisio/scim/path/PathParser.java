package org.provisio.scim.path;

/** Parses attribute and PATCH paths. (stub: being implemented) */
public final class PathParser {
    private PathParser() {
    }

    public static AttributePath parseAttributePath(String text) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public static PatchPath parsePatchPath(String text) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
