package org.provisio.domain.model;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Names one request to the service, so that its log lines and the audit entries it leaves can be
 * found together: 1 to 128 characters of {@code [A-Za-z0-9._:-]}. That is what an {@code X-Request-Id}
 * header of a proxy or a client may hold to be kept (a UUID, {@code 01HZX...}, {@code req:42}); anything
 * else — a space, CR or LF, a quote, a non-ASCII letter, more than 128 characters — is never stored or
 * echoed, a {@linkplain #generate() fresh id} takes its place.
 */
public record RequestId(String value) {
    /** The longest id accepted. */
    public static final int MAX_LENGTH = 128;

    public RequestId {
        if (!isWellFormed(Objects.requireNonNull(value, "requestId"))) {
            throw new IllegalArgumentException("requestId must be 1-" + MAX_LENGTH + " characters of [A-Za-z0-9._:-]");
        }
    }

    public static RequestId of(String value) {
        return new RequestId(value);
    }

    /** The id {@code text} names, or empty when it is absent or not well formed. */
    public static Optional<RequestId> parse(String text) {
        return text != null && isWellFormed(text) ? Optional.of(new RequestId(text)) : Optional.empty();
    }

    /**
     * A new random id in the form of a UUID ({@code 8-4-4-4-12} hexadecimal digits). Drawn from the
     * calling thread's own generator: unique enough to tell requests apart, not a secret, and no lock
     * shared by the requests of all threads.
     */
    public static RequestId generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new RequestId(new UUID(high, low).toString());
    }

    /** Whether {@code text} is 1 to 128 characters of {@code [A-Za-z0-9._:-]}. */
    public static boolean isWellFormed(String text) {
        int n = text.length();
        if (n == 0 || n > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
