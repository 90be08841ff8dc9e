package org.provisio.domain.port;

import java.security.SecureRandom;
import java.util.UUID;

/** New identifiers for users, groups, tenants, credentials, invitations, messages and audit entries. */
@FunctionalInterface
public interface IdGenerator {
    /** A new unique id of 1 to 64 characters of {@code [A-Za-z0-9_-]}. */
    String next();

    /**
     * Random (version 4) UUIDs, each thread drawing from its own {@link SecureRandom}: what
     * {@link UUID#randomUUID()} gives, without its one generator that every request thread (a
     * create draws four ids) would otherwise queue for.
     */
    static IdGenerator uuids() {
        ThreadLocal<SecureRandom> random = ThreadLocal.withInitial(SecureRandom::new);
        return () -> {
            byte[] b = new byte[16];
            random.get().nextBytes(b);
            b[6] = (byte) ((b[6] & 0x0f) | 0x40);
            b[8] = (byte) ((b[8] & 0x3f) | 0x80);
            long msb = 0;
            long lsb = 0;
            for (int i = 0; i < 8; i++) {
                msb = (msb << 8) | (b[i] & 0xff);
                lsb = (lsb << 8) | (b[8 + i] & 0xff);
            }
            return new UUID(msb, lsb).toString();
        };
    }

    /**
     * Time-ordered UUIDs (version 7, RFC 9562 §5.7): the first 48 bits are the Unix time in
     * milliseconds, the other 74 free bits come from each thread's own {@link SecureRandom}. Ids made
     * close in time sort close together, so that an index of them (a user's row, its emails, its
     * invitation, each outbox message and audit entry are keyed by such ids) takes new ids near its
     * end, in pages it has just written, instead of at a random page of its whole extent; one id still
     * tells nothing about another beyond the millisecond it was made in. The default of
     * {@code Provisioning.builder}.
     */
    static IdGenerator timeOrdered() {
        ThreadLocal<SecureRandom> random = ThreadLocal.withInitial(SecureRandom::new);
        return () -> {
            SecureRandom r = random.get();
            long randA = r.nextInt() & 0x0fffL;
            long randB = r.nextLong() & 0x3fffffffffffffffL;
            long msb = (System.currentTimeMillis() & 0xffffffffffffL) << 16 | 0x7000L | randA;
            return new UUID(msb, randB | 0x8000000000000000L).toString();
        };
    }
}
