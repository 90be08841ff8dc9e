package org.provisio.jaxrs.http;

import org.provisio.domain.usecase.Refusal;
import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.message.EntityTag;

/**
 * The HTTP meaning of every {@link Refusal}, decided in one visitor so that a new kind of refusal
 * does not compile until it has one: not found is 404; a stale {@code If-Match} is 412
 * (RFC 7644 §3.14); a taken name is 409 {@code uniqueness}; a wrong status or an elapsed retention is
 * 409; a closed invitation is 404 (unknown), 409 (already used) or 410 (expired, revoked).
 */
public final class Refusals implements Refusal.Visitor<ScimException> {
    private static final Refusals INSTANCE = new Refusals();

    private Refusals() {
    }

    /** The SCIM error a refusal is answered with. */
    public static ScimException toScim(Refusal refusal) {
        return refusal.accept(INSTANCE);
    }

    @Override
    public ScimException notFound(Refusal.NotFound r) {
        return ScimException.notFound(capitalized(r.kind()) + " " + r.id() + " not found");
    }

    @Override
    public ScimException versionMismatch(Refusal.VersionMismatch r) {
        return ScimException.preconditionFailed("The resource has changed; its version is now "
                + EntityTag.weak(r.current().value()));
    }

    @Override
    public ScimException notUnique(Refusal.NotUnique r) {
        return ScimException.uniqueness(r.attribute() + " \"" + r.value() + "\" is taken");
    }

    @Override
    public ScimException wrongStatus(Refusal.WrongStatus r) {
        return ScimException.of(ScimErrorType.CONFLICT, "The user is " + r.status().keyword() + ", not "
                + r.required().keyword());
    }

    @Override
    public ScimException retentionElapsed(Refusal.RetentionElapsed r) {
        return ScimException.of(ScimErrorType.CONFLICT, "The retention period ended at " + r.purgeAt()
                + "; the user can no longer be restored");
    }

    @Override
    public ScimException invitationClosed(Refusal.InvitationClosed r) {
        return switch (r.standing()) {
            case ALREADY_USED -> ScimException.of(ScimErrorType.CONFLICT, "This invitation has already been accepted");
            case EXPIRED -> ScimException.of(ScimErrorType.GONE,
                    "This invitation has expired; ask your administrator for a new one");
            case REVOKED -> ScimException.of(ScimErrorType.GONE,
                    "This invitation is no longer valid; ask your administrator for a new one");
            case UNKNOWN, OPEN -> ScimException.notFound("No such invitation");
        };
    }

    private static String capitalized(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
