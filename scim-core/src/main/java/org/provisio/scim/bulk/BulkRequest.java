package org.provisio.scim.bulk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.provisio.scim.conformance.Conformance;
import org.provisio.scim.conformance.Tolerance;
import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.IntegerValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.NullValue;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.resource.Value;

/**
 * A Bulk request (RFC 7644 §3.7), read and checked as a whole before any operation runs:
 *
 * <pre>{@code
 * {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"], "failOnErrors":1,
 *  "Operations":[{"method":"POST","path":"/Users","bulkId":"qwerty","data":{"userName":"Alice"}},
 *                {"method":"POST","path":"/Groups","bulkId":"ytrewq",
 *                 "data":{"displayName":"Tour Guides","members":[{"type":"User","value":"bulkId:qwerty"}]}}]}
 * }</pre>
 *
 * <p>A request that is not of this shape is refused whole, so that nothing of it is applied: more
 * operations than {@code maxOperations} is 413 {@code tooMany} (§3.7.4); a missing schema, a missing
 * or non-array {@code Operations}, an operation that is not an object or lacks {@code method} or
 * {@code path} is {@code invalidSyntax}; an unknown method, a path that names no endpoint or no
 * resource as the method needs, a POST without {@code bulkId}, a missing {@code data}, a bulkId used
 * twice or a negative {@code failOnErrors} is {@code invalidValue}. What goes wrong in one operation
 * once it runs (a bad resource, a stale version, an unresolvable reference) fails that operation only.
 *
 * @param failOnErrors the number of errors after which processing stops; empty (or 0) for no limit
 * @param operations   the operations in the order the client sent them
 */
public record BulkRequest(OptionalInt failOnErrors, List<BulkOperation> operations) {
    public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";

    public BulkRequest {
        Objects.requireNonNull(failOnErrors, "failOnErrors");
        operations = List.copyOf(operations);
        if (failOnErrors.isPresent() && failOnErrors.getAsInt() < 0) {
            throw ScimException.invalidValue("\"failOnErrors\" must not be negative");
        }
    }

    /**
     * Reads a decoded Bulk request whose paths name {@code endpoints} (e.g. {@code Users},
     * {@code Groups}) and that carries at most {@code maxOperations} operations.
     */
    public static BulkRequest parse(ComplexValue body, int maxOperations, Set<String> endpoints) {
        return parse(body, maxOperations, endpoints, Conformance.LENIENT);
    }

    /**
     * {@link #parse(ComplexValue, int, Set)}, asking {@code conformance} before it tolerates a {@code method}
     * not in upper case ({@code "post"}).
     */
    public static BulkRequest parse(ComplexValue body, int maxOperations, Set<String> endpoints,
                                    Conformance conformance) {
        boolean schema = false;
        for (Value s : body.getMulti("schemas").values()) {
            schema |= SCHEMA.equalsIgnoreCase(s.asText());
        }
        if (!schema) {
            throw ScimException.invalidSyntax("A Bulk request must have the schema " + SCHEMA + " in \"schemas\"");
        }
        if (!(body.getOrNull("Operations") instanceof MultiValue list)) {
            throw ScimException.invalidSyntax("A Bulk request needs an \"Operations\" array");
        }
        if (list.size() > maxOperations) {
            throw ScimException.of(ScimErrorType.TOO_MANY_OPERATIONS, "The Bulk request has " + list.size()
                    + " operations, more than maxOperations (" + maxOperations + ")");
        }
        List<BulkOperation> operations = new ArrayList<>(list.size());
        Map<String, Integer> bulkIds = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            BulkOperation op = operation(i, list.get(i), endpoints, conformance);
            op.bulkId().ifPresent(b -> {
                Integer first = bulkIds.putIfAbsent(b, op.index());
                if (first != null) {
                    throw ScimException.invalidValue("Operations[" + first + "] and Operations[" + op.index()
                            + "] have the same bulkId \"" + b + "\"; a bulkId is unique within a request (RFC 7644 §3.7)");
                }
            });
            operations.add(op);
        }
        return new BulkRequest(failOnErrors(body.getOrNull("failOnErrors")), operations);
    }

    private static BulkOperation operation(int index, Value value, Set<String> endpoints,
                                           Conformance conformance) {
        String where = "Operations[" + index + "]";
        if (!(value instanceof ComplexValue op)) {
            throw ScimException.invalidSyntax(where + " must be a JSON object");
        }
        String methodName = text(op, "method", where).orElseThrow(
                () -> ScimException.invalidSyntax(where + " needs a \"method\": POST, PUT, PATCH or DELETE"));
        BulkMethod method = BulkMethod.fromName(methodName).orElseThrow(() -> ScimException.invalidValue(
                where + ".method \"" + methodName + "\" is not one of POST, PUT, PATCH and DELETE"));
        if (!methodName.equals(method.name())) {
            conformance.tolerate(Tolerance.BULK_METHOD_CASE, "method");
        }
        String pathText = text(op, "path", where).orElseThrow(
                () -> ScimException.invalidSyntax(where + " needs a \"path\", such as /Users or /Users/{id}"));
        BulkPath path = BulkPath.parse(pathText, endpoints, where);
        Optional<String> bulkId = text(op, "bulkId", where);
        if (bulkId.isPresent() && bulkId.get().isBlank()) {
            throw ScimException.invalidValue(where + ".bulkId must not be empty");
        }
        Value data = op.getOrNull("data");
        if (data != null && data != NullValue.INSTANCE && !(data instanceof ComplexValue)) {
            throw ScimException.invalidSyntax(where + ".data must be a JSON object");
        }
        return new BulkOperation(index, method, bulkId, text(op, "version", where), path,
                data instanceof ComplexValue c ? Optional.of(c) : Optional.empty());
    }

    /** A string attribute of an operation; absent or {@code null} is empty, any other type {@code invalidSyntax}. */
    private static Optional<String> text(ComplexValue op, String name, String where) {
        Value v = op.getOrNull(name);
        if (v == null || v == NullValue.INSTANCE) {
            return Optional.empty();
        }
        if (!(v instanceof StringValue s)) {
            throw ScimException.invalidSyntax(where + "." + name + " must be a string");
        }
        return Optional.of(s.value());
    }

    private static OptionalInt failOnErrors(Value value) {
        if (value == null || value == NullValue.INSTANCE) {
            return OptionalInt.empty();
        }
        if (!(value instanceof IntegerValue i) || i.value() < 0) {
            throw ScimException.invalidValue("\"failOnErrors\" must be a whole number of errors, not negative");
        }
        return OptionalInt.of((int) Math.min(Integer.MAX_VALUE, i.value()));
    }

    /** Whether processing stops once {@code errors} operations have failed. */
    public boolean stopsAfter(int errors) {
        return failOnErrors.isPresent() && failOnErrors.getAsInt() > 0 && errors >= failOnErrors.getAsInt();
    }
}
