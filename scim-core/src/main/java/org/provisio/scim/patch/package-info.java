/**
 * SCIM PATCH (RFC 7644 §3.5.2): {@link org.provisio.scim.patch.PatchRequest} and the
 * {@link org.provisio.scim.patch.PatchEngine} that applies it, tolerant of the forms Microsoft
 * Entra ID and Okta send.
 */
package org.provisio.scim.patch;
