/**
 * The provisioning model: identifiers and other self-validating values, tenants and their
 * credentials, users with their lifecycle states ({@link org.provisio.domain.model.UserState}),
 * invitations, groups, audit entries and outbox messages. Everything here is immutable.
 */
package org.provisio.domain.model;
