package org.provisio.server.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the server's TLS certificate comes from: a PEM certificate chain and private key
 * ({@code PROVISIO_TLS_CERT}, {@code PROVISIO_TLS_KEY}), as a CA or certbot hands them out, or a
 * PKCS#12 keystore ({@code PROVISIO_TLS_KEYSTORE}, {@code PROVISIO_TLS_KEYSTORE_PASSWORD}). The
 * files are checked to exist and be readable when the configuration loads; their content is read
 * when the server starts (and again when they change).
 */
public sealed interface TlsSettings {
    /** A PEM certificate chain (leaf first) and its PEM private key (PKCS#8, PKCS#1 RSA or SEC1 EC). */
    record Pem(Path certificate, Path privateKey) implements TlsSettings {
        public Pem {
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(privateKey, "privateKey");
        }
    }

    /** A PKCS#12 keystore holding one private key entry, and its password (may be empty). */
    record Pkcs12(Path keystore, Optional<String> password) implements TlsSettings {
        public Pkcs12 {
            Objects.requireNonNull(keystore, "keystore");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Pkcs12[keystore=" + keystore + ", password=" + (password.isPresent() ? "***" : "none") + "]";
        }
    }
}
