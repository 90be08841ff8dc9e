/**
 * Incoming ports: one interface per use case, each taking a small record {@code Command}.
 * Business refusals are values (a sealed {@code Outcome}); the SCIM-facing user use cases
 * signal client mistakes with {@link org.provisio.scim.error.ScimException} ({@code uniqueness},
 * {@code notFound}, {@code preconditionFailed}, {@code invalidValue}), which the HTTP edge maps.
 * {@code org.provisio.domain.service.Provisioning} builds them all over a store.
 */
package org.provisio.domain.usecase;
