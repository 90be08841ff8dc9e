package org.provisio.domain.service;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.provisio.domain.model.CursorScope;
import org.provisio.domain.model.KeysetRequest;
import org.provisio.domain.model.PageKey;
import org.provisio.scim.error.ScimException;

/**
 * The cursors of RFC 9865: a {@link PageKey} sealed for the client, and opened again when it
 * comes back. A cursor is base64url (RFC 9865 §2's unreserved characters only) of an AES-GCM
 * box holding the key, the total the first page counted, when the cursor was issued and the
 * fingerprint of its {@link CursorScope}: opaque, as RFC 9865 §5.2 asks, and tamper-evident —
 * a cursor changed by one bit, issued by another process (another secret) or for another
 * query is {@code invalidCursor}; one issued longer than {@link #timeout()} ago is
 * {@code expiredCursor} (RFC 9865 §2.1). Nothing is stored per cursor, so cursors cost the
 * server no memory however many clients start paging (RFC 9865 §5.3).
 *
 * <p>Instances sharing a database share cursors only if they share the secret
 * ({@code Provisioning.Builder#cursorSecret}); by default each process draws its own.
 *
 * <pre>{@code
 * KeysetRequest page = cursors.open(cursorParam, CursorScope.of(tenant, query), count);
 * Page<UserView> users = provisioning.queryUsers().query(tenant, query.withPage(page));
 * Optional<String> next = users.next().map(key -> cursors.issue(key, users.totalResults(), scope));
 * }</pre>
 */
public final class Cursors {
    /** How long a cursor stays valid when nothing else is said: an hour, as RFC 9865 §4's example. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);
    /** The longest cursor opened; anything longer is not one of ours and costs no decryption. */
    static final int MAX_LENGTH = 8192;
    private static final byte FORMAT = 1;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] AAD = "provisio-cursor".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");

    private final Clock clock;
    private final Duration timeout;
    private final SecretKeySpec key;
    private final SecureRandom random;

    Cursors(Clock clock, Duration timeout, byte[] secret, SecureRandom random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeout = requirePositive(timeout);
        this.key = new SecretKeySpec(derive(secret), "AES");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Cursors sealed with {@code secret} (any length; hashed to an AES-256 key), valid for {@code timeout}. */
    public static Cursors create(Clock clock, Duration timeout, byte[] secret) {
        return new Cursors(clock, timeout, secret, new SecureRandom());
    }

    static Duration requirePositive(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero() || timeout.toSeconds() < 1) {
            throw new IllegalArgumentException("a cursor timeout is at least a second");
        }
        return timeout;
    }

    /** The least time a cursor stays valid: {@code cursorTimeout} of RFC 9865 §4. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * The page a client's {@code cursor} parameter asks for: the first one for an empty cursor,
     * else the one after the key it seals.
     *
     * @throws ScimException {@code invalidCursor} for a cursor this service did not issue for
     *                       {@code scope}, {@code expiredCursor} for one issued too long ago
     */
    public KeysetRequest open(String cursor, CursorScope scope, int count) {
        Objects.requireNonNull(scope, "scope");
        if (cursor == null || cursor.isEmpty()) {
            return KeysetRequest.first(count);
        }
        Sealed sealed = unseal(cursor);
        if (!MessageDigest.isEqual(sealed.fingerprint(), scope.fingerprint())) {
            throw ScimException.invalidCursor("The cursor belongs to another query: send the same filter and sortBy"
                    + " with every page (RFC 9865 §2)");
        }
        if (clock.instant().isAfter(sealed.issuedAt().plus(timeout))) {
            throw ScimException.expiredCursor("The cursor has expired: ask for the next page within "
                    + timeout.toSeconds() + " seconds (cursorTimeout, RFC 9865 §2.1), or start again with an empty cursor");
        }
        return KeysetRequest.after(sealed.key(), count, sealed.total());
    }

    /** The {@code nextCursor} for the page after {@code next} of a query of {@code scope} with {@code total} results. */
    public String issue(PageKey next, long total, CursorScope scope) {
        Objects.requireNonNull(next, "next");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(clock.instant().toEpochMilli());
            out.write(scope.fingerprint());
            out.writeLong(total);
            out.writeShort(next.parts().size());
            for (String part : next.parts()) {
                byte[] utf8 = part.getBytes(StandardCharsets.UTF_8);
                out.writeInt(utf8.length);
                out.write(utf8);
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory", e);
        }
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(AAD);
            byte[] box = cipher.doFinal(bytes.toByteArray());
            ByteBuffer token = ByteBuffer.allocate(1 + NONCE + box.length).put(FORMAT).put(nonce).put(box);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** What a cursor holds. */
    private record Sealed(Instant issuedAt, byte[] fingerprint, long total, PageKey key) {
    }

    private Sealed unseal(String cursor) {
        if (cursor.length() > MAX_LENGTH || !BASE64URL.matcher(cursor).matches()) {
            throw invalid();
        }
        byte[] token;
        try {
            token = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (token.length < 1 + NONCE + TAG_BITS / 8 || token[0] != FORMAT) {
            throw invalid();
        }
        byte[] payload;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, token, 1, NONCE));
            cipher.updateAAD(AAD);
            payload = cipher.doFinal(token, 1 + NONCE, token.length - 1 - NONCE);
        } catch (AEADBadTagException e) {
            throw invalid();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(payload))) {
            Instant issuedAt = Instant.ofEpochMilli(in.readLong());
            byte[] fingerprint = in.readNBytes(16);
            long total = in.readLong();
            int n = in.readUnsignedShort();
            List<String> parts = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                parts.add(new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8));
            }
            if (fingerprint.length != 16 || total < 0 || in.available() > 0) {
                throw invalid();
            }
            return new Sealed(issuedAt, fingerprint, total, new PageKey(parts));
        } catch (IOException | IllegalArgumentException e) {
            // sealed by our key, so written by issue(): only a bug gets here
            throw invalid();
        }
    }

    private static ScimException invalid() {
        return ScimException.invalidCursor("The cursor is not one this service issued: send the nextCursor of the"
                + " previous page unchanged, or an empty cursor for the first page (RFC 9865 §2.1)");
    }

    /** The AES-256 key of a secret of any length. */
    private static byte[] derive(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < 16) {
            throw new IllegalArgumentException("a cursor secret has at least 16 bytes");
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("provisio-cursor-key".getBytes(StandardCharsets.US_ASCII));
            return sha.digest(secret);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
