/**
 * SCIM filters (RFC 7644 §3.4.2.2): the {@link org.provisio.scim.filter.Filter} AST, its parser and
 * an evaluator over resources that respects each attribute's type and {@code caseExact}.
 */
package org.provisio.scim.filter;
