/**
 * Query support of RFC 7644 §3.4.2: {@link org.provisio.scim.query.Projection} for
 * {@code attributes}/{@code excludedAttributes}, {@link org.provisio.scim.query.Sorting} and
 * {@link org.provisio.scim.query.SortBy} for {@code sortBy}/{@code sortOrder},
 * {@link org.provisio.scim.query.SearchRequest} for the parameters of a query or a
 * {@code POST .search}, and {@link org.provisio.scim.query.ResourceQuery}, which filters, sorts
 * and pages candidates in memory into a {@link org.provisio.scim.query.Slice}.
 */
package org.provisio.scim.query;
