package org.provisio.scim.message;

import java.util.ArrayList;
import java.util.List;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.IntegerValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.Value;

/**
 * A Bulk request (RFC 7644 §3.7): {@code failOnErrors} (0 = no limit) and the operations in order.
 */
public record BulkRequest(int failOnErrors, List<BulkOperation> operations) {
    public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";

    public BulkRequest {
        operations = List.copyOf(operations);
        if (failOnErrors < 0) {
            throw ScimException.invalidValue("\"failOnErrors\" must not be negative");
        }
    }

    /** Reads a decoded Bulk request; at most {@code maxOperations} operations ({@code tooMany} past it). */
    public static BulkRequest from(ComplexValue body, int maxOperations) {
        Value ops = body.getOrNull("Operations");
        if (!(ops instanceof MultiValue list)) {
            throw ScimException.invalidSyntax("A Bulk request needs an \"Operations\" array");
        }
        if (list.size() > maxOperations) {
            throw ScimException.tooMany("A Bulk request may carry at most " + maxOperations + " operations");
        }
        List<BulkOperation> out = new ArrayList<>(list.size());
        for (Value v : list.values()) {
            if (!(v instanceof ComplexValue c)) {
                throw ScimException.invalidSyntax("Each bulk operation must be a JSON object");
            }
            out.add(BulkOperation.from(c));
        }
        Value foe = body.getOrNull("failOnErrors");
        int failOnErrors = foe instanceof IntegerValue i ? (int) Math.min(Integer.MAX_VALUE, i.value()) : 0;
        return new BulkRequest(failOnErrors, out);
    }
}
