package org.provisio.scim.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.provisio.scim.error.ScimErrorType;

/**
 * One line of a client-deviation report: a {@link Tolerance} Provisio applied, or a kind of refusal — each
 * with a stable key, what the client did, and the rule with its RFC section.
 *
 * <p>A refusal's key is its error kind in lower camel case, which is the RFC 7644 {@code scimType} where the
 * RFC defines one: {@code invalidFilter}, {@code uniqueness}, {@code noTarget}...; and otherwise names the
 * status: {@code unauthorized} (401), {@code notFound} (404), {@code preconditionFailed} (412)... A tolerance's
 * key is {@link Tolerance#key()}, in kebab case, so the two never collide.
 *
 * @param key         stable name, e.g. {@code boolean-as-string} or {@code invalidFilter}
 * @param tolerance   whether this is a tolerance (else a refusal)
 * @param description what the client did
 * @param rule        the rule, with its RFC section
 */
public record DeviationKind(String key, boolean tolerance, String description, String rule) {
    public DeviationKind {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(rule, "rule");
    }

    /** The kind of a tolerance. */
    public static DeviationKind of(Tolerance t) {
        return new DeviationKind(t.key(), true, t.description(), t.rule());
    }

    /** The kind of a refusal with this error. */
    public static DeviationKind refusal(ScimErrorType type) {
        return new DeviationKind(refusalKey(type), false, refusalDescription(type), refusalRule(type));
    }

    /** The key of a refusal with this error: {@code INVALID_FILTER} is {@code invalidFilter}. */
    public static String refusalKey(ScimErrorType type) {
        String[] words = type.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder b = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            b.append(Character.toUpperCase(words[i].charAt(0))).append(words[i], 1, words[i].length());
        }
        return b.toString();
    }

    /** The kind of a key a report holds; a key this version does not know is described as such. */
    public static DeviationKind byKey(String key) {
        Optional<Tolerance> t = Tolerance.byKey(key);
        if (t.isPresent()) {
            return of(t.get());
        }
        for (ScimErrorType type : ScimErrorType.values()) {
            if (refusalKey(type).equals(key)) {
                return refusal(type);
            }
        }
        return new DeviationKind(key, key.contains("-"),
                "a deviation this version of Provisio does not describe", "");
    }

    /** Every kind: the tolerances, then the refusals. */
    public static List<DeviationKind> all() {
        List<DeviationKind> all = new ArrayList<>();
        for (Tolerance t : Tolerance.values()) {
            all.add(of(t));
        }
        for (ScimErrorType type : ScimErrorType.values()) {
            all.add(refusal(type));
        }
        return List.copyOf(all);
    }

    private static String refusalDescription(ScimErrorType type) {
        return switch (type) {
            case INVALID_FILTER -> "a filter the service cannot parse or does not support";
            case TOO_MANY -> "a filter or request over the service's limits";
            case UNIQUENESS -> "a value already in use, such as a taken userName or displayName";
            case MUTABILITY -> "a change to a readOnly or immutable attribute, or the removal of a required one";
            case INVALID_SYNTAX -> "a body that is not the JSON structure the endpoint takes";
            case INVALID_PATH -> "a PATCH path that is malformed or names no attribute";
            case NO_TARGET -> "a PATCH path that selects no value";
            case INVALID_VALUE -> "a required value missing, or a value of the wrong type";
            case INVALID_VERSION -> "a SCIM protocol version the service does not support";
            case SENSITIVE -> "personal information in a request URI";
            case UNAUTHORIZED -> "no valid bearer token of this tenant";
            case FORBIDDEN -> "a request the caller may not make";
            case NOT_FOUND -> "a resource or endpoint that does not exist";
            case METHOD_NOT_ALLOWED -> "an HTTP method the endpoint does not support";
            case CONFLICT -> "a change the resource's state does not allow";
            case UNRESOLVABLE_REFERENCE -> "a Bulk bulkId reference that cannot be resolved";
            case GONE -> "something that no longer exists";
            case PRECONDITION_FAILED -> "an If-Match version that is no longer current";
            case PAYLOAD_TOO_LARGE -> "a body over maxPayloadSize";
            case TOO_MANY_OPERATIONS -> "a Bulk request with more operations than maxOperations";
            case UNSUPPORTED_MEDIA_TYPE -> "a body in a media type the service does not read";
            case NOT_IMPLEMENTED -> "an operation the service does not implement";
            default -> "a request refused with HTTP " + type.status();
        };
    }

    private static String refusalRule(ScimErrorType type) {
        String scimType = type.scimType().map(s -> " " + s).orElse("");
        return switch (type) {
            case INVALID_FILTER -> "RFC 7644 §3.4.2.2, §3.12" + scimType;
            case TOO_MANY, INVALID_SYNTAX, INVALID_VALUE, SENSITIVE -> "RFC 7644 §3.12" + scimType;
            case UNIQUENESS -> "RFC 7643 §2.2 uniqueness, RFC 7644 §3.12" + scimType;
            case MUTABILITY, INVALID_PATH, NO_TARGET -> "RFC 7644 §3.5.2, §3.12" + scimType;
            case INVALID_VERSION -> "RFC 7644 §3.13";
            case UNAUTHORIZED -> "RFC 7644 §2, §3.12: 401, RFC 6750 bearer token";
            case UNRESOLVABLE_REFERENCE, TOO_MANY_OPERATIONS, PAYLOAD_TOO_LARGE -> "RFC 7644 §3.7" + scimType;
            case PRECONDITION_FAILED -> "RFC 7644 §3.14: 412";
            default -> "RFC 7644 §3.12: " + type.status();
        };
    }
}
