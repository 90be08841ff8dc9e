/**
 * SCIM protocol messages (RFC 7644 §3): ListResponse, Error, and the discovery documents built from
 * schema definitions, and the {@link org.provisio.scim.message.EntityTag} of a resource version
 * ({@code W/"3"}). The PATCH message is {@link org.provisio.scim.patch.PatchRequest}; the search
 * message is {@link org.provisio.scim.query.SearchRequest}; the Bulk messages are in
 * {@link org.provisio.scim.bulk}.
 */
package org.provisio.scim.message;
