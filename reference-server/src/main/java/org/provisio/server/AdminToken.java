package org.provisio.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The operator's admin token when {@code PROVISIO_ADMIN_TOKEN} is not set: generated once,
 * written owner-only to {@code ./provisio-data/admin-token}, and read back on later starts.
 */
final class AdminToken {
    static final Path FILE = Path.of("provisio-data", "admin-token");

    private AdminToken() {
    }

    /**
     * A key for {@code purpose} derived from the admin token (HMAC-SHA256 of the purpose under the token):
     * every instance given the same token derives the same key, and it survives restarts, so that what one
     * instance seals (an RFC 9865 cursor) another opens, without a second secret to distribute. The token
     * cannot be recovered from the key.
     */
    static byte[] derivedKey(String adminToken, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(adminToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(("provisio-" + purpose + "-key-v1").getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** The token from the file, creating the file with a fresh token if there is none. */
    static String loadOrCreate(Path file) {
        try {
            Optional<String> existing = read(file);
            if (existing.isPresent()) {
                return existing.get();
            }
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String token = "adm_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            } catch (FileAlreadyExistsException e) {
                return read(file).orElseThrow(() -> new IllegalStateException(file + " is empty"));
            }
            Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the admin token file " + file.toAbsolutePath()
                    + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8).trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
