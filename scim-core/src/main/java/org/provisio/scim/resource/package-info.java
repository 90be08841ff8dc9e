/**
 * The immutable SCIM resource model: {@link org.provisio.scim.resource.Value} and its closed set
 * of typed values, {@link org.provisio.scim.resource.ComplexValue} (attribute names matched
 * case-insensitively, RFC 7643 §2.1) and {@link org.provisio.scim.resource.ScimResource}.
 */
package org.provisio.scim.resource;
