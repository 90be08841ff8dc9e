package org.provisio.scim.patch;

import java.util.ArrayList;
import java.util.List;
import org.provisio.scim.conformance.Conformance;
import org.provisio.scim.conformance.Tolerance;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.path.PatchPath;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.NullValue;
import org.provisio.scim.resource.Value;

/**
 * A PATCH request body (RFC 7644 §3.5.2):
 * <pre>{@code
 * {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
 *  "Operations":[{"op":"Replace","path":"active","value":"False"}]}
 * }</pre>
 */
public record PatchRequest(List<PatchOperation> operations) {
    public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    /** The most operations one request may carry. */
    public static final int MAX_OPERATIONS = 1_000;

    public PatchRequest {
        operations = List.copyOf(operations);
    }

    /**
     * Reads a decoded PATCH body. A missing {@code schemas} is tolerated; a {@code schemas} that
     * names something else, a missing or empty {@code Operations}, an unknown {@code op} or a
     * malformed operation is {@code invalidSyntax}; a malformed {@code path} is {@code invalidPath}.
     */
    public static PatchRequest from(ComplexValue body) {
        return from(body, Conformance.LENIENT);
    }

    /**
     * {@link #from(ComplexValue)}, asking {@code conformance} before it tolerates a missing {@code schemas},
     * an {@code op} not in lower case ({@code "Replace"}) or an empty {@code path}.
     */
    public static PatchRequest from(ComplexValue body, Conformance conformance) {
        MultiValue schemas = body.getMulti("schemas");
        if (schemas.isUnassigned()) {
            conformance.tolerate(Tolerance.MESSAGE_SCHEMA_MISSING, "schemas");
        } else {
            boolean ok = false;
            for (Value s : schemas.values()) {
                ok |= SCHEMA.equalsIgnoreCase(s.asText());
            }
            if (!ok) {
                throw ScimException.invalidSyntax("A PATCH request must have the schema " + SCHEMA);
            }
        }
        Value ops = body.getOrNull("Operations");
        if (!(ops instanceof MultiValue list) || list.isUnassigned()) {
            throw ScimException.invalidSyntax("A PATCH request needs a non-empty \"Operations\" array");
        }
        if (list.size() > MAX_OPERATIONS) {
            throw ScimException.invalidSyntax("A PATCH request may carry at most " + MAX_OPERATIONS + " operations");
        }
        List<PatchOperation> out = new ArrayList<>(list.size());
        for (Value v : list.values()) {
            if (!(v instanceof ComplexValue op)) {
                throw ScimException.invalidSyntax("Each PATCH operation must be a JSON object");
            }
            String opName = op.getText("op").orElseThrow(
                    () -> ScimException.invalidSyntax("A PATCH operation needs \"op\""));
            PatchOperation.Op kind = PatchOperation.Op.fromName(opName).orElseThrow(
                    () -> ScimException.invalidSyntax("Unknown PATCH op \"" + opName + "\"; expected add, remove or replace"));
            if (!opName.equals(kind.keyword())) {
                conformance.tolerate(Tolerance.OP_CASE, "op");
            }
            Value pathValue = op.getOrNull("path");
            PatchPath path = null;
            if (pathValue != null && pathValue != NullValue.INSTANCE) {
                String text = pathValue.asText();
                if (text == null) {
                    throw ScimException.invalidPath("\"path\" must be a string");
                }
                if (!text.isBlank()) {
                    path = PatchPath.parse(text);
                } else {
                    conformance.tolerate(Tolerance.BLANK_PATH, "path");
                }
            }
            out.add(new PatchOperation(kind, path, op.getOrNull("value")));
        }
        return new PatchRequest(out);
    }
}
