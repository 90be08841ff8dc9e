package org.provisio.scim.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.provisio.scim.message.ErrorResponse;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.ReferenceValue;
import org.provisio.scim.resource.Value;

/**
 * A Bulk response (RFC 7644 §3.7.3): the result of every operation processed, in the order of the
 * request, each as in the RFC's examples:
 *
 * <pre>{@code
 * {"location":"https://example.com/v2/Users/92b7...","method":"POST","bulkId":"qwerty",
 *  "version":"W/\"1\"","status":"201"}
 * {"location":"https://example.com/v2/Users/b7c1...","method":"PUT","status":"412",
 *  "response":{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"412","detail":"..."}}
 * }</pre>
 *
 * @param operations the results, in request order; operations not processed (after
 *                   {@code failOnErrors} stopped the job) have none
 */
public record BulkResponse(List<Result> operations) {
    public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";

    public BulkResponse {
        operations = List.copyOf(operations);
    }

    /** The message: {@code {"schemas":[...BulkResponse],"Operations":[...]}}. */
    public ComplexValue toJson() {
        List<Value> ops = new ArrayList<>(operations.size());
        for (Result r : operations) {
            ops.add(r.toJson());
        }
        return ComplexValue.builder()
                .put("schemas", MultiValue.of(new ReferenceValue(SCHEMA)))
                .put("Operations", new MultiValue(ops))
                .build();
    }

    /**
     * The result of one operation.
     *
     * @param method   the operation's method
     * @param bulkId   the operation's bulkId, echoed
     * @param version  the resource's entity tag after the operation, e.g. {@code W/"2"}
     * @param location the resource's URL; absent for a failed POST (RFC 7644 §3.7.3) and for a path whose
     *                 bulkId could not be resolved
     * @param status   the HTTP status the operation would have had as a single request
     * @param response the Error of a failed operation (RFC 7644 §3.12); absent on success
     */
    public record Result(BulkMethod method, Optional<String> bulkId, Optional<String> version,
                         Optional<String> location, int status, Optional<ErrorResponse> response) {
        public Result {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(bulkId, "bulkId");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(response, "response");
        }

        /** Whether the operation failed. */
        public boolean failed() {
            return response.isPresent();
        }

        ComplexValue toJson() {
            ComplexValue.Builder b = ComplexValue.builder();
            location.ifPresent(l -> b.put("location", new ReferenceValue(l)));
            b.put("method", method.name());
            bulkId.ifPresent(id -> b.put("bulkId", id));
            version.ifPresent(v -> b.put("version", v));
            b.put("status", Integer.toString(status));
            response.ifPresent(r -> b.put("response", r.toJson()));
            return b.build();
        }
    }
}
