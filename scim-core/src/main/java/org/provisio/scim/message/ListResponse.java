package org.provisio.scim.message;

import java.util.List;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.IntegerValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.ReferenceValue;
import org.provisio.scim.resource.Value;

/**
 * A query result (RFC 7644 §3.4.2): {@code totalResults}, the 1-based {@code startIndex},
 * {@code itemsPerPage} and the page's {@code Resources}.
 */
public record ListResponse(long totalResults, int startIndex, List<ComplexValue> resources) {
    public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    public ListResponse {
        resources = List.copyOf(resources);
    }

    public int itemsPerPage() {
        return resources.size();
    }

    /** The message as JSON-ready value; {@code Resources} is always present, empty when nothing matched. */
    public ComplexValue toJson() {
        return ComplexValue.builder()
                .put("schemas", MultiValue.of(new ReferenceValue(SCHEMA)))
                .put("totalResults", IntegerValue.of(totalResults))
                .put("startIndex", IntegerValue.of(startIndex))
                .put("itemsPerPage", IntegerValue.of(itemsPerPage()))
                .put("Resources", new MultiValue(List.<Value>copyOf(resources)))
                .build();
    }
}
