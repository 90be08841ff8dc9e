package org.provisio.scim.message;

import java.util.Objects;
import java.util.Optional;
import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.ReferenceValue;

/**
 * The SCIM Error message (RFC 7644 §3.12):
 * {@code {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"409","scimType":"uniqueness","detail":"..."}}.
 * {@code status} is a string, as in the RFC's examples.
 */
public record ErrorResponse(int status, String scimType, String detail) {
    public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    public ErrorResponse {
        Objects.requireNonNull(detail, "detail");
    }

    public static ErrorResponse of(ScimException e) {
        return of(e.type(), e.detail());
    }

    public static ErrorResponse of(ScimErrorType type, String detail) {
        return new ErrorResponse(type.status(), type.scimType().orElse(null), detail);
    }

    public Optional<String> optionalScimType() {
        return Optional.ofNullable(scimType);
    }

    public ComplexValue toJson() {
        ComplexValue.Builder b = ComplexValue.builder()
                .put("schemas", MultiValue.of(new ReferenceValue(SCHEMA)))
                .put("status", Integer.toString(status));
        if (scimType != null) {
            b.put("scimType", scimType);
        }
        return b.put("detail", detail).build();
    }
}
