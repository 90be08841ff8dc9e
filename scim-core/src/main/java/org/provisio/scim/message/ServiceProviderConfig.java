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
 * @param pagination          the paging methods and limits (RFC 9865 §4), or {@code null} to say nothing of them
 */
public record ServiceProviderConfig(boolean bulkSupported, int maxBulkOperations, long maxPayloadSize,
                                    int maxFilterResults, String documentationUri, Pagination pagination) {
    public static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";

    /** A document that does not advertise {@code pagination}. */
    public ServiceProviderConfig(boolean bulkSupported, int maxBulkOperations, long maxPayloadSize,
                                 int maxFilterResults, String documentationUri) {
        this(bulkSupported, maxBulkOperations, maxPayloadSize, maxFilterResults, documentationUri, null);
    }

    /**
     * The {@code pagination} element of RFC 9865 §4, e.g.
     * {@code {"cursor":true,"index":true,"defaultPaginationMethod":"index","defaultPageSize":100,
     * "maxPageSize":1000,"cursorTimeout":3600}}.
     *
     * @param cursor                  whether cursor paging is supported
     * @param index                   whether index paging is supported
     * @param defaultPaginationMethod {@code "index"} or {@code "cursor"}: what a request that names neither gets
     * @param defaultPageSize         results per page when the request names no {@code count}
     * @param maxPageSize             the most results of one page, whatever the {@code count}
     * @param cursorTimeoutSeconds    the least number of seconds a cursor stays valid between two pages
     */
    public record Pagination(boolean cursor, boolean index, String defaultPaginationMethod, int defaultPageSize,
                             int maxPageSize, long cursorTimeoutSeconds) {
        public Pagination {
            if (!"index".equals(defaultPaginationMethod) && !"cursor".equals(defaultPaginationMethod)) {
                throw new IllegalArgumentException("defaultPaginationMethod is \"index\" or \"cursor\"");
            }
            if (defaultPageSize < 1 || maxPageSize < defaultPageSize || cursorTimeoutSeconds < 1) {
                throw new IllegalArgumentException("page sizes and the cursor timeout are positive");
            }
        }

        ComplexValue toJson() {
            return ComplexValue.builder()
                    .put("cursor", cursor)
                    .put("index", index)
                    .put("defaultPaginationMethod", defaultPaginationMethod)
                    .put("defaultPageSize", IntegerValue.of(defaultPageSize))
                    .put("maxPageSize", IntegerValue.of(maxPageSize))
                    .put("cursorTimeout", IntegerValue.of(cursorTimeoutSeconds))
                    .build();
        }
    }

    /** The document; {@code baseUrl} feeds {@code meta.location}. */
    public ComplexValue toJson(String baseUrl) {
        ComplexValue.Builder b = ComplexValue.builder()
                .put("schemas", MultiValue.of(new ReferenceValue(SCHEMA)));
        if (documentationUri != null) {
            b.put("documentationUri", new ReferenceValue(documentationUri));
        }
        b
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
                .put("etag", supported(true));
        if (pagination != null) {
            b.put("pagination", pagination.toJson());
        }
        return b
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
