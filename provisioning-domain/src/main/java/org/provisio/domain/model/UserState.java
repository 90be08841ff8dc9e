package org.provisio.domain.model;

/**
 * Where a user stands in the lifecycle of DESIGN.md. The set is closed and each transition is a
 * method of the state it leaves, so an illegal transition does not compile:
 *
 * <pre>
 * Pending --accept--> Active          Pending --suspend--> Suspended.FromPending
 * Active --suspend--> Suspended.FromActive
 * Suspended.FromActive --restore--> Active
 * Suspended.FromPending / NeverInvited --restore(fresh invitation)--> Pending
 * </pre>
 *
 * A SCIM client sees {@code active: true} for Pending and Active, {@code false} for Suspended.
 */
public sealed interface UserState permits Pending, Active, Suspended {

    /** The status an admin sees. */
    UserStatus status();

    /** The SCIM {@code active} attribute. */
    default boolean active() {
        return status() != UserStatus.SUSPENDED;
    }
}
