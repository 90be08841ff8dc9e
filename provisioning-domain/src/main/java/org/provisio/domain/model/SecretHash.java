package org.provisio.domain.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;

/**
 * The SHA-256 hash of a secret (a credential's token or an invitation's token), base64url
 * without padding. Secrets are never stored, only this; {@link #matches(String)} compares in
 * constant time.
 */
public record SecretHash(String value) {
    public SecretHash {
        Objects.requireNonNull(value, "value");
        if (Base64.getUrlDecoder().decode(value).length != 32) {
            throw new IllegalArgumentException("not a SHA-256 hash");
        }
    }

    /** The hash of a secret. */
    public static SecretHash of(String secret) {
        return new SecretHash(Base64.getUrlEncoder().withoutPadding().encodeToString(digest(secret)));
    }

    /** Whether {@code secret} hashes to this value, compared in constant time. */
    public boolean matches(String secret) {
        return MessageDigest.isEqual(Base64.getUrlDecoder().decode(value), digest(secret));
    }

    /** One digest per thread: looking the algorithm up on every call was half the cost of a check. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    });

    private static byte[] digest(String secret) {
        Objects.requireNonNull(secret, "secret");
        // digest() resets the instance, so a failure half-way never leaves state for the next call
        return SHA_256.get().digest(secret.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "SecretHash[...]";
    }
}
