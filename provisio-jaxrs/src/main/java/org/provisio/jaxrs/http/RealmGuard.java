package org.provisio.jaxrs.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.security.MessageDigest;
import java.util.Objects;
import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.error.ScimException;

/**
 * How an application admits callers of a realm Provisio's own filter does not decide itself
 * ({@link Realm#CONSOLE}, {@link Realm#METRICS}): it either returns, the request admitted, or aborts
 * the request ({@code request.abortWith(...)}) or throws. Registered with
 * {@code ProvisioFeature.Builder#guard}; a realm without a guard admits nobody.
 */
@FunctionalInterface
public interface RealmGuard {
    void admit(ContainerRequestContext request);

    /**
     * Admits exactly {@code Authorization: Bearer <token>}, compared in constant time (both sides
     * hashed first, so that not even the length leaks); any other request, with another token or
     * none, is a 401 with {@code WWW-Authenticate: Bearer}. For a scraper's token:
     * {@code builder.guard(Realm.METRICS, RealmGuard.bearer(metricsToken))}.
     */
    static RealmGuard bearer(String token) {
        if (Objects.requireNonNull(token, "token").isEmpty()) {
            throw new IllegalArgumentException("token must not be empty");
        }
        byte[] expected = AccessFilter.sha256(token);
        return request -> {
            byte[] given = AccessFilter.sha256(Bearer.token(request).orElse(""));
            if (!MessageDigest.isEqual(expected, given)) {
                throw ScimException.of(ScimErrorType.UNAUTHORIZED,
                        "This endpoint's bearer token is required (Authorization: Bearer <token>)");
            }
        };
    }
}
