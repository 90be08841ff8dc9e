package org.provisio.scim.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.ReferenceValue;
import org.provisio.scim.resource.Value;

/** A Bulk response (RFC 7644 §3.7.3): one result per operation processed, in order. */
public record BulkResponse(List<Result> operations) {
    public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";

    public BulkResponse {
        operations = List.copyOf(operations);
    }

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
     * @param location the resource URL, or {@code null}
     * @param response the error body of a failed operation, or {@code null}
     */
    public record Result(String method, String bulkId, String version, String location, int status,
                         ComplexValue response) {
        public Result {
            Objects.requireNonNull(method, "method");
        }

        ComplexValue toJson() {
            ComplexValue.Builder b = ComplexValue.builder().put("method", method);
            if (bulkId != null) {
                b.put("bulkId", bulkId);
            }
            if (version != null) {
                b.put("version", version);
            }
            if (location != null) {
                b.put("location", new ReferenceValue(location));
            }
            b.put("status", Integer.toString(status));
            if (response != null) {
                b.put("response", response);
            }
            return b.build();
        }
    }
}
