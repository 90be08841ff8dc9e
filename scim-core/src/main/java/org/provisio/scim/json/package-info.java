/**
 * The JSON codec: the only place scim-core touches Jackson. {@link org.provisio.scim.json.ScimJson}
 * reads request bodies into {@link org.provisio.scim.resource.ComplexValue}s and writes values back.
 */
package org.provisio.scim.json;
