package org.provisio.jaxrs.http;

/**
 * Told of every request Provisio's HTTP surface answered, for metrics; see
 * {@link RequestObserverFilter}, which calls it. Every value it is given comes from a small, fixed
 * set — never from the raw path, a user id or a header — except the tenant, which is one that
 * authenticated. Called on the request's thread once the response is built: an implementation
 * must be quick and must not throw.
 */
@FunctionalInterface
public interface RequestObserver {
    /**
     * One request answered.
     *
     * @param resource what routing matched: {@code Users}, {@code Groups}, {@code Bulk},
     *                 {@code ServiceProviderConfig}, {@code ResourceTypes}, {@code Schemas},
     *                 {@code .search}, {@code admin}, {@code invitations}, {@code console},
     *                 {@code health}, {@code metrics}…, or {@code unmatched} when routing found nothing
     * @param method   {@code GET}, {@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE},
     *                 {@code HEAD}, {@code OPTIONS}, or {@code OTHER}
     * @param status   the response status
     * @param tenant   the tenant whose SCIM credential authenticated the request, or {@code null}
     * @param nanos    from the request's arrival to its response
     */
    void completed(String resource, String method, int status, String tenant, long nanos);
}
