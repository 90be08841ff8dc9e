/**
 * SCIM errors (RFC 7644 §3.12): one exception type, {@link org.provisio.scim.error.ScimException},
 * keyed by {@link org.provisio.scim.error.ScimErrorType}.
 */
package org.provisio.scim.error;
