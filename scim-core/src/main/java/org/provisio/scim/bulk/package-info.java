/**
 * SCIM Bulk (RFC 7644 §3.7), without HTTP: {@link org.provisio.scim.bulk.BulkRequest} reads and
 * validates the request, {@link org.provisio.scim.bulk.BulkPlan} orders its operations so that every
 * {@code "bulkId:qwerty"} reference is created before it is used and finds the circular ones, and
 * {@link org.provisio.scim.bulk.BulkJob} runs them one by one through an executor the HTTP edge
 * supplies, resolving references and stopping at {@code failOnErrors}, into a
 * {@link org.provisio.scim.bulk.BulkResponse}.
 */
package org.provisio.scim.bulk;
