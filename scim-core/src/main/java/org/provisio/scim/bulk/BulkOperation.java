package org.provisio.scim.bulk;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.resource.Value;

/**
 * One operation of a Bulk request (RFC 7644 §3.7), as a single request would have carried it:
 * {@code {"method":"POST","path":"/Users","bulkId":"qwerty","data":{"userName":"alice"}}} or
 * {@code {"method":"PATCH","path":"/Groups/bulkId:ytrewq","version":"W/\"2\"","data":{"Operations":[...]}}}.
 *
 * <p>A POST names a resource type endpoint and a {@code bulkId}; the other methods name one resource.
 * Every method but DELETE carries {@code data}. Anything else is {@code invalidValue}.
 *
 * @param index   the position in the request's {@code Operations}, from 0
 * @param method  the HTTP method
 * @param bulkId  the client's surrogate id (required for POST, echoed for the others)
 * @param version the entity tag the resource must have ({@code If-Match}), e.g. {@code W/"3"}
 * @param path    the endpoint or resource
 * @param data    the resource or PATCH body; empty for DELETE
 */
public record BulkOperation(int index, BulkMethod method, Optional<String> bulkId, Optional<String> version,
                            BulkPath path, Optional<ComplexValue> data) {
    public BulkOperation {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(bulkId, "bulkId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(data, "data");
        String where = "Operations[" + index + "]";
        if (method == BulkMethod.POST && bulkId.isEmpty()) {
            throw ScimException.invalidValue(where + ": a POST needs a \"bulkId\" (RFC 7644 §3.7)");
        }
        if (method == BulkMethod.POST && path.id().isPresent()) {
            throw ScimException.invalidValue(where + ": a POST names a resource type endpoint such as /"
                    + path.endpoint() + ", not \"" + path + "\"");
        }
        if (method != BulkMethod.POST && path.id().isEmpty()) {
            throw ScimException.invalidValue(where + ": a " + method + " names one resource, such as /"
                    + path.endpoint() + "/{id}, not \"" + path + "\"");
        }
        if (method.needsData() && data.isEmpty()) {
            throw ScimException.invalidValue(where + ": a " + method + " needs \"data\"");
        }
    }

    /** The bulkIds this operation references, in its path and data, each once, in order of appearance. */
    public Set<String> references() {
        Set<String> out = new LinkedHashSet<>();
        path.reference().ifPresent(out::add);
        data.ifPresent(d -> out.addAll(BulkReferences.in(d)));
        if (method == BulkMethod.PATCH) {
            data.ifPresent(d -> {
                for (Value op : d.getMulti("Operations").values()) {
                    if (op instanceof ComplexValue c && c.getOrNull("path") instanceof StringValue p) {
                        out.addAll(BulkReferences.inPatchPath(p.value()));
                    }
                }
            });
        }
        return out;
    }

    /**
     * The operation with every reference replaced by the id {@code ids} gives for its bulkId
     * ({@code null}: left as it is), ready to run as a single request would.
     */
    public BulkOperation resolved(UnaryOperator<String> ids) {
        BulkPath p = path.reference().map(ids).map(path::withId).orElse(path);
        Optional<ComplexValue> d = data.map(v -> (ComplexValue) BulkReferences.resolve(v, ids));
        if (method == BulkMethod.PATCH && d.isPresent()) {
            d = Optional.of(resolvePatchPaths(d.get(), ids));
        }
        return new BulkOperation(index, method, bulkId, version, p, d);
    }

    private static ComplexValue resolvePatchPaths(ComplexValue patch, UnaryOperator<String> ids) {
        if (!(patch.getOrNull("Operations") instanceof MultiValue ops)) {
            return patch;
        }
        MultiValue resolved = ops.map(op -> {
            if (op instanceof ComplexValue c && c.getOrNull("path") instanceof StringValue p) {
                String after = BulkReferences.resolvePatchPath(p.value(), ids);
                return after.equals(p.value()) ? c : c.with("path", StringValue.of(after));
            }
            return op;
        });
        return resolved.equals(ops) ? patch : patch.with("Operations", resolved);
    }

    /** How error details name this operation: {@code Operations[2]}, with its bulkId when it has one. */
    String describe() {
        return "Operations[" + index + "]" + bulkId.map(b -> " (bulkId \"" + b + "\")").orElse("");
    }
}
