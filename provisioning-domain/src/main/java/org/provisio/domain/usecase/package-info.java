/**
 * Incoming ports: one interface per use case, each taking a small record {@code Command}.
 * Business outcomes are values: a use case that can be refused returns an
 * {@link org.provisio.domain.usecase.Outcome}, done or refused with a
 * {@link org.provisio.domain.usecase.Refusal} (not found, version mismatch, not unique, wrong
 * status, retention elapsed, invitation closed) that each edge maps exhaustively with a visitor.
 * Only invalid input is an exception, {@link org.provisio.scim.error.ScimException}
 * ({@code invalidValue}, {@code invalidSyntax}, {@code mutability}, {@code invalidFilter}...).
 * {@code org.provisio.domain.service.Provisioning} builds them all over a store.
 */
package org.provisio.domain.usecase;
