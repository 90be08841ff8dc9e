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
}
