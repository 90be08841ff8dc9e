package org.provisio.jaxrs.http;

import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * How an application admits callers of a realm Provisio's own filter does not decide itself
 * ({@link Realm#CONSOLE}, {@link Realm#METRICS}): it either returns, the request admitted, or aborts
 * the request ({@code request.abortWith(...)}) or throws. Registered with
 * {@code ProvisioFeature.Builder#guard}; a realm without a guard admits nobody.
 */
@FunctionalInterface
public interface RealmGuard {
    void admit(ContainerRequestContext request);
}
