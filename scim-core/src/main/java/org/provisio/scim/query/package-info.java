/**
 * Query support of RFC 7644 §3.4.2: {@link org.provisio.scim.query.Projection} for
 * {@code attributes}/{@code excludedAttributes}, {@link org.provisio.scim.query.Sorting} for
 * {@code sortBy}/{@code sortOrder}, and {@link org.provisio.scim.query.SearchRequest} for the
 * parameters of a query or a {@code POST .search}.
 */
package org.provisio.scim.query;
