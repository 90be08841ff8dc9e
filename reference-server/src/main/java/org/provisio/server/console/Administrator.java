package org.provisio.server.console;

import java.util.Objects;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.TenantId;

/**
 * Who is signed in to the console: the operator (the admin token: every organization) or an
 * organization's administrator (an admin key: that organization only). The {@link #actor()} is
 * what the domain audits every change with.
 */
sealed interface Administrator permits Administrator.Operator, Administrator.OrganizationAdmin {
    /** The actor the domain records in the audit log. */
    Actor actor();

    /** Whether this administrator may see and change {@code tenant}. */
    boolean mayOpen(TenantId tenant);

    /** How the console names this administrator, e.g. "Operator". */
    String label();

    /** The operator, signed in with the admin token. */
    record Operator() implements Administrator {
        @Override
        public Actor actor() {
            return Actor.admin();
        }

        @Override
        public boolean mayOpen(TenantId tenant) {
            return true;
        }

        @Override
        public String label() {
            return "Operator";
        }
    }

    /** An organization's administrator, signed in with one of its admin keys. */
    record OrganizationAdmin(TenantId tenant, Actor.OrganizationAdmin admin) implements Administrator {
        public OrganizationAdmin {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(admin, "admin");
        }

        @Override
        public Actor actor() {
            return admin;
        }

        @Override
        public boolean mayOpen(TenantId other) {
            return tenant.equals(other);
        }

        @Override
        public String label() {
            return "Organization admin";
        }
    }
}
