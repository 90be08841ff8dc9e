package org.provisio.scim.message;

import java.util.Locale;
import java.util.Objects;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.resource.ComplexValue;

/**
 * One operation of a Bulk request (RFC 7644 §3.7):
 * {@code {"method":"POST","path":"/Users","bulkId":"qwerty","data":{...}}}.
 *
 * @param method  POST, PUT, PATCH or DELETE
 * @param bulkId  the client's id for a POST, or {@code null}
 * @param version the {@code If-Match} version, or {@code null}
 * @param path    the resource path relative to the base URL
 * @param data    the body, or {@code null} for DELETE
 */
public record BulkOperation(String method, String bulkId, String version, String path, ComplexValue data) {
    public BulkOperation {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        method = method.toUpperCase(Locale.ROOT);
        if (!method.equals("POST") && !method.equals("PUT") && !method.equals("PATCH") && !method.equals("DELETE")) {
            throw ScimException.invalidValue("Unsupported bulk method \"" + method + "\"");
        }
        if (method.equals("POST") && bulkId == null) {
            throw ScimException.invalidValue("A bulk POST needs a \"bulkId\" (RFC 7644 §3.7)");
        }
        if (!method.equals("DELETE") && data == null) {
            throw ScimException.invalidValue("A bulk " + method + " needs \"data\"");
        }
    }

    /** Reads one operation of a decoded Bulk request. */
    public static BulkOperation from(ComplexValue op) {
        return new BulkOperation(
                op.getText("method").orElseThrow(() -> ScimException.invalidSyntax("A bulk operation needs \"method\"")),
                op.getText("bulkId").orElse(null),
                op.getText("version").orElse(null),
                op.getText("path").orElseThrow(() -> ScimException.invalidSyntax("A bulk operation needs \"path\"")),
                op.getComplex("data").orElse(null));
    }
}
