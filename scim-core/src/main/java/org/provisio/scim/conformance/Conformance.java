package org.provisio.scim.conformance;

/**
 * How strictly one request is held to RFC 7643/7644, asked by scim-core wherever it is about to apply a
 * {@link Tolerance}: before it takes {@code "active": "False"} as a boolean, {@code "op": "Replace"} as
 * {@code replace}, and so on. A lenient implementation returns (perhaps counting the deviation) and the
 * tolerance applies; a strict one throws the tolerance's {@link Tolerance#refusal refusal}, a
 * {@code ScimException} with the RFC's error type and a detail naming the rule and its section.
 *
 * <pre>{@code
 * ComplexValue user = new SchemaValidator(ResourceSchema.user()).validate(body, Conformance.STRICT);
 * // {"userName":"bjensen","active":"False"} -> 400 invalidValue, "... RFC 7643 §2.3.2 ..."
 * }</pre>
 *
 * <p>Calls that take no {@code Conformance} are {@link #LENIENT}. An implementation is called on the thread
 * that parses or applies the request, possibly another thread than the one that received it, and must be
 * cheap: it is on the hot path of every request that deviates.
 */
@FunctionalInterface
public interface Conformance {
    /** Accepts every tolerance and counts nothing: Provisio's behaviour when no profile is asked for. */
    Conformance LENIENT = (tolerance, where) -> {
    };

    /** Refuses every tolerance and counts nothing. */
    Conformance STRICT = (tolerance, where) -> {
        throw tolerance.refusal(where);
    };

    /**
     * Called where {@code tolerance} is about to apply: returns to let it apply, or throws to refuse the
     * request.
     *
     * @param where the attribute or member of the message it applies to, as the schema or the RFC spells
     *              it ({@code "active"}, {@code "op"}, {@code "urn:...:enterprise:2.0:User:manager"}), or
     *              {@code null}; never text of the client's choosing, so that it can be reported safely
     */
    void tolerate(Tolerance tolerance, String where);

    /** The same call with no attribute to name. */
    default void tolerate(Tolerance tolerance) {
        tolerate(tolerance, null);
    }
}
