package org.provisio.jaxrs.http;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.provisio.domain.model.TenantId;

/**
 * The two limits of {@link AccessLimits}, each a {@link KeyedRateLimiter}: requests per tenant, and
 * failed authentications per client address ({@code N} a minute: a bucket of {@code N} refilled at
 * one every {@code 60/N} seconds, so a guesser gets its {@code N} attempts at once and then one per
 * interval, and a success refills nothing).
 *
 * <p>An IPv6 client is counted by its {@code /64} network, the block one subscriber is usually
 * given: counted by whole address, one machine could guess from 2<sup>64</sup> of them.
 */
public final class Throttles {
    static final int MAX_TENANTS = 100_000;
    static final int MAX_ADDRESSES = 65_536;
    static final String UNKNOWN_ADDRESS = "unknown";
    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    private final AccessLimits limits;
    private final KeyedRateLimiter<TenantId> tenants;
    private final KeyedRateLimiter<String> addresses;

    Throttles(AccessLimits limits, LongSupplier nanoTime) {
        this.limits = limits;
        this.tenants = limits.tenantRequestsPerSecond() > 0 ? new KeyedRateLimiter<>(
                KeyedRateLimiter.intervalOf(limits.tenantRequestsPerSecond()), limits.tenantBurst(), MAX_TENANTS,
                nanoTime) : null;
        this.addresses = limits.authFailuresPerMinute() > 0 ? new KeyedRateLimiter<>(
                TimeUnit.MINUTES.toNanos(1) / limits.authFailuresPerMinute(), limits.authFailuresPerMinute(),
                MAX_ADDRESSES, nanoTime) : null;
    }

    AccessLimits limits() {
        return limits;
    }

    /** Admits one request of {@code tenant}: {@code 0}, or the whole seconds it must wait. */
    long tenantRequest(TenantId tenant) {
        return tenants == null ? 0 : seconds(tenants.acquire(tenant));
    }

    /** The whole seconds {@code address} is still shut out for after failed authentications; {@code 0} if not. */
    long addressShutOut(String address) {
        return addresses == null ? 0 : seconds(addresses.waitFor(address));
    }

    /** Counts a failed authentication from {@code address}. */
    void failedFrom(String address) {
        if (addresses != null) {
            addresses.charge(address);
        }
    }

    boolean limitsAddresses() {
        return addresses != null;
    }

    /** Nanoseconds as whole seconds, rounded up: what {@code Retry-After} says. */
    static long seconds(long nanos) {
        return nanos <= 0 ? 0 : Math.max(1, (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
    }

    /**
     * The key an address is counted under: an IPv4 address as it is, an IPv6 address as its
     * {@code /64} network, anything else (a container that did not say) as {@value #UNKNOWN_ADDRESS}.
     */
    public static String addressKey(Object property) {
        if (!(property instanceof String text) || text.isEmpty() || text.length() > 64) {
            return UNKNOWN_ADDRESS;
        }
        String literal = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        int scope = literal.indexOf('%');
        if (scope >= 0) {
            literal = literal.substring(0, scope);
        }
        if (literal.indexOf(':') < 0) {
            return literal;
        }
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (!(c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
                return UNKNOWN_ADDRESS;
            }
        }
        try {
            // a literal of hex digits, colons and dots: parsed, never looked up
            InetAddress address = InetAddress.getByName(literal);
            if (address instanceof Inet6Address) {
                byte[] network = Arrays.copyOf(address.getAddress(), 16);
                Arrays.fill(network, 8, 16, (byte) 0);
                return InetAddress.getByAddress(network).getHostAddress() + "/64";
            }
            return address.getHostAddress();
        } catch (UnknownHostException e) {
            return UNKNOWN_ADDRESS;
        }
    }
}
