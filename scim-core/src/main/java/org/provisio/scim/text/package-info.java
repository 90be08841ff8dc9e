/**
 * Text as SCIM compares it. {@link org.provisio.scim.text.CaseFolding} is the one definition of
 * "the same text, ignoring case" (RFC 7643 §2.1, {@code caseExact: false}): filters, sorting and
 * the stores all compare attribute values through it, so {@code userName eq "STRASSE"} finds
 * {@code straße} wherever the users are kept.
 */
package org.provisio.scim.text;
