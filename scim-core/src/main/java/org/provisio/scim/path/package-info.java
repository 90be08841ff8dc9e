/**
 * Attribute paths (RFC 7644 §3.10) and PATCH paths (RFC 7644 §3.5.2), parsed by
 * {@link org.provisio.scim.path.PathParser}.
 */
package org.provisio.scim.path;
