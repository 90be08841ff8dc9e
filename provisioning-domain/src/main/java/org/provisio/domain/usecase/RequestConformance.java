package org.provisio.domain.usecase;

import org.provisio.domain.model.ConformanceProfile;
import org.provisio.scim.conformance.Conformance;
import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.error.ScimException;

/**
 * The conformance of one SCIM request ({@link CheckConformance#begin}): a {@link Conformance} that notes each
 * tolerance for the tenant's deviation report and, under the strict profile, refuses it; and the place to note
 * the errors the request was refused with. Each kind is noted once per request, however often it recurs in it.
 * Safe to call from the thread of another request's unit of work.
 */
public interface RequestConformance extends Conformance {
    /** The profile the request is held to. */
    ConformanceProfile profile();

    /**
     * Notes that a part of the request (a Bulk operation) was refused with {@code error}; not when {@code error}
     * is this check's own strict refusal of a tolerance, which is noted already.
     */
    void refused(ScimException error);

    /**
     * Notes that the request was answered with an error of {@code type}; not when this check refused a tolerance
     * of the request, whose refusal is noted already as that tolerance.
     */
    void answered(ScimErrorType type);
}
