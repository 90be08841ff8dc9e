package org.provisio.scim.patch;

import java.util.Objects;
import java.util.Optional;
import org.provisio.scim.path.PatchPath;
import org.provisio.scim.resource.Value;

/**
 * One operation of a PATCH request (RFC 7644 §3.5.2): {@code {"op":"replace","path":"active","value":false}}.
 *
 * @param op    the operation
 * @param path  the target, or {@code null} for a path-less operation
 * @param value the value, or {@code null} when none was given (as for most removes)
 */
public record PatchOperation(Op op, PatchPath path, Value value) {
    public PatchOperation {
        Objects.requireNonNull(op, "op");
    }

    public Optional<PatchPath> optionalPath() {
        return Optional.ofNullable(path);
    }

    /** The three PATCH operations; names are matched in any case ({@code Replace}, as Entra sends). */
    public enum Op {
        ADD("add"), REMOVE("remove"), REPLACE("replace");

        private final String keyword;

        Op(String keyword) {
            this.keyword = keyword;
        }

        /** The name the RFC gives the operation: {@code add}, {@code remove}, {@code replace}. */
        public String keyword() {
            return keyword;
        }

        /** The operation named by {@code text} in any case. */
        public static Optional<Op> fromName(String text) {
            for (Op op : values()) {
                if (op.name().equalsIgnoreCase(text)) {
                    return Optional.of(op);
                }
            }
            return Optional.empty();
        }
    }
}
