package org.provisio.scim.message;

import java.util.List;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.IntegerValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.ReferenceValue;

/**
 * The {@code /ServiceProviderConfig} document (RFC 7643 §5): what the service supports.
 *
 * @param bulkSupported       whether {@code /Bulk} is served
 * @param maxBulkOperations   the most operations of one Bulk request
 * @param maxPayloadSize      the largest request body, in bytes
 * @param maxFilterResults    the most results a query returns ({@code filter.maxResults})
 * @param documentationUri    where the service is documented, or {@code null}
 */
public record ServiceProviderConfig(boolean bulkSupported, int maxBulkOperations, long maxPayloadSize,
                                    int maxFilterResults, String documentationUri) {
    public static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";

    /** The document; {@code baseUrl} feeds {@code meta.location}. */
    public ComplexValue toJson(String baseUrl) {
        ComplexValue.Builder b = ComplexValue.builder()
                .put("schemas", MultiValue.of(new ReferenceValue(SCHEMA)));
        if (documentationUri != null) {
            b.put("documentationUri", new ReferenceValue(documentationUri));
        }
        return b
                .put("patch", supported(true))
                .put("bulk", ComplexValue.builder()
                        .put("supported", bulkSupported)
                        .put("maxOperations", IntegerValue.of(bulkSupported ? maxBulkOperations : 0))
                        .put("maxPayloadSize", IntegerValue.of(maxPayloadSize))
                        .build())
                .put("filter", ComplexValue.builder()
                        .put("supported", true)
                        .put("maxResults", IntegerValue.of(maxFilterResults))
                        .build())
                .put("changePassword", supported(false))
                .put("sort", supported(true))
                .put("etag", supported(true))
                .put("authenticationSchemes", new MultiValue(List.of(ComplexValue.builder()
                        .put("type", "oauthbearertoken")
                        .put("name", "OAuth Bearer Token")
                        .put("description", "Authentication with the tenant's secret token in an "
                                + "'Authorization: Bearer' header (RFC 6750)")
                        .put("specUri", new ReferenceValue("https://www.rfc-editor.org/rfc/rfc6750"))
                        .put("primary", BooleanValue.TRUE)
                        .build())))
                .put("meta", ComplexValue.builder()
                        .put("resourceType", "ServiceProviderConfig")
                        .put("location", new ReferenceValue(baseUrl + "/ServiceProviderConfig"))
                        .build())
                .build();
    }

    private static ComplexValue supported(boolean supported) {
        return ComplexValue.builder().put("supported", supported).build();
    }
}
