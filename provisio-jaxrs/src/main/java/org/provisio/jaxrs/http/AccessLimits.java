package org.provisio.jaxrs.http;

/**
 * How much {@link AccessFilter} lets through before answering {@code 429 Too Many Requests} with
 * {@code Retry-After}:
 *
 * <ul>
 *   <li>{@code tenantRequestsPerSecond} and {@code tenantBurst}: the SCIM requests of one tenant,
 *       counted after its credential is accepted, so that neither an unknown tenant id nor a wrong
 *       token takes up a bucket, and one tenant's runaway synchronisation never slows another's
 *       ({@code 0}: no limit);</li>
 *   <li>{@code authFailuresPerMinute}: failed authentications (a wrong, revoked or other tenant's
 *       bearer token) per client address; beyond it the address's requests that carry credentials
 *       are refused without their token being looked at ({@code 0}: no limit).</li>
 * </ul>
 *
 * <p>The client address is the request property {@link AccessFilter#CLIENT_ADDRESS_PROPERTY}, which
 * {@code GrizzlyHardening} sets to the TCP peer's address; behind a reverse proxy every client shares
 * the proxy's address.
 */
public record AccessLimits(double tenantRequestsPerSecond, int tenantBurst, int authFailuresPerMinute) {
    /** No limit at all. */
    public static final AccessLimits NONE = new AccessLimits(0, 1, 0);

    public AccessLimits {
        if (Double.isNaN(tenantRequestsPerSecond) || Double.isInfinite(tenantRequestsPerSecond)
                || tenantRequestsPerSecond < 0) {
            throw new IllegalArgumentException("tenantRequestsPerSecond must be 0 (no limit) or positive");
        }
        if (tenantBurst < 1) {
            throw new IllegalArgumentException("tenantBurst must be at least 1");
        }
        if (authFailuresPerMinute < 0) {
            throw new IllegalArgumentException("authFailuresPerMinute must be 0 (no limit) or positive");
        }
    }

    /** These limits with tenants limited to {@code perSecond} requests a second, {@code burst} at once. */
    public AccessLimits withTenantRate(double perSecond, int burst) {
        return new AccessLimits(perSecond, burst, authFailuresPerMinute);
    }

    /** These limits with {@code perMinute} failed authentications a minute per client address. */
    public AccessLimits withAuthFailures(int perMinute) {
        return new AccessLimits(tenantRequestsPerSecond, tenantBurst, perMinute);
    }
}
