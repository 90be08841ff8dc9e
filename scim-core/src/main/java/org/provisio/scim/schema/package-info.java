/**
 * SCIM schemas (RFC 7643 §7) and resource types (§6): attribute definitions with all their
 * characteristics, the core User, Group and Enterprise User schemas in
 * {@link org.provisio.scim.schema.CoreSchemas}, and a {@link org.provisio.scim.schema.SchemaRegistry}
 * in which an embedding product registers its own extensions.
 */
package org.provisio.scim.schema;
