/**
 * Conformance to RFC 7643/7644: the {@link org.provisio.scim.conformance.Tolerance}s Provisio applies to
 * what real identity providers send, and the {@link org.provisio.scim.conformance.Conformance} callback
 * that the parsers, the schema validator and the PATCH engine call where they apply one — a lenient
 * callback accepts (and may count), a strict one refuses with the RFC's error.
 * {@link org.provisio.scim.conformance.DeviationKind} names every tolerance and every kind of refusal
 * for a client-deviation report.
 */
package org.provisio.scim.conformance;
