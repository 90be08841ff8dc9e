package org.provisio.server.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.provisio.server.config.ConfigException;
import org.provisio.server.config.TlsSettings;

/**
 * A private key and its certificate chain, leaf first, checked to belong together. Read from the
 * files of a {@link TlsSettings}; every problem is a {@link ConfigException} whose message is one
 * line naming the variable.
 */
record KeyMaterial(PrivateKey key, List<X509Certificate> chain) {
    static final String CERT = "PROVISIO_TLS_CERT";
    static final String KEY = "PROVISIO_TLS_KEY";
    static final String KEYSTORE = "PROVISIO_TLS_KEYSTORE";
    static final String KEYSTORE_PASSWORD = "PROVISIO_TLS_KEYSTORE_PASSWORD";

    KeyMaterial {
        Objects.requireNonNull(key, "key");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a certificate chain has at least one certificate");
        }
    }

    /** The server's own certificate. */
    X509Certificate leaf() {
        return chain.get(0);
    }

    /** The bytes of the files {@code settings} names, in order: certificate and key, or the keystore. */
    static List<byte[]> read(TlsSettings settings) {
        if (settings instanceof TlsSettings.Pem pem) {
            return List.of(bytes(CERT, pem.certificate()), bytes(KEY, pem.privateKey()));
        }
        TlsSettings.Pkcs12 p12 = (TlsSettings.Pkcs12) settings;
        return List.of(bytes(KEYSTORE, p12.keystore()));
    }

    /** The key material in {@code contents}, as {@link #read} returned them for {@code settings}. */
    static KeyMaterial parse(TlsSettings settings, List<byte[]> contents) {
        if (settings instanceof TlsSettings.Pem) {
            return pem(contents.get(0), contents.get(1));
        }
        return pkcs12(contents.get(0), ((TlsSettings.Pkcs12) settings).password());
    }

    private static byte[] bytes(String variable, Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(variable + " cannot be read: '" + file + "' (" + reason(e) + ")");
        }
    }

    static KeyMaterial pem(byte[] certificateFile, byte[] keyFile) {
        List<X509Certificate> chain = certificates(certificateFile);
        PrivateKey key = privateKey(keyFile);
        supported(key, KEY);
        if (!matches(key, chain.get(0).getPublicKey())) {
            for (int i = 1; i < chain.size(); i++) {
                if (matches(key, chain.get(i).getPublicKey())) {
                    throw new ConfigException(CERT + " must start with the server's own certificate, the one matching "
                            + KEY + ", followed by its intermediates; it is certificate " + (i + 1) + " of "
                            + chain.size());
                }
            }
            throw new ConfigException(KEY + " does not hold a private key matching " + CERT);
        }
        return new KeyMaterial(key, chain);
    }

    private static List<X509Certificate> certificates(byte[] file) {
        List<X509Certificate> chain = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (PEMParser pem = parser(file)) {
            for (Object o = pem.readObject(); o != null; o = pem.readObject()) {
                if (o instanceof X509CertificateHolder holder) {
                    chain.add(converter.getCertificate(holder));
                }
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new ConfigException(CERT + " is not a PEM certificate chain (" + reason(e) + ")");
        }
        if (chain.isEmpty()) {
            throw new ConfigException(CERT + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return chain;
    }

    private static PrivateKey privateKey(byte[] file) {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (PEMParser pem = parser(file)) {
            for (Object o = pem.readObject(); o != null; o = pem.readObject()) {
                if (o instanceof PrivateKeyInfo pkcs8) {
                    return converter.getPrivateKey(pkcs8);
                }
                if (o instanceof PEMKeyPair traditional) {
                    return converter.getPrivateKey(traditional.getPrivateKeyInfo());
                }
                if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
                    throw new ConfigException(KEY + " holds an encrypted private key; Provisio reads unencrypted keys"
                            + " only (decrypt it with: openssl pkey -in <key> -out <plain key>, readable only by the"
                            + " server's user)");
                }
                // EC PARAMETERS, a certificate given along: not the key
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ConfigException c) {
                throw c;
            }
            throw new ConfigException(KEY + " is not a PEM private key (" + reason(e) + ")");
        }
        throw new ConfigException(KEY + " holds no PEM private key (-----BEGIN PRIVATE KEY-----, -----BEGIN RSA PRIVATE"
                + " KEY----- or -----BEGIN EC PRIVATE KEY-----)");
    }

    static KeyMaterial pkcs12(byte[] file, Optional<String> password) {
        char[] secret = password.orElse("").toCharArray();
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(file), secret);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new ConfigException(KEYSTORE_PASSWORD + " is not the password of " + KEYSTORE);
            }
            throw new ConfigException(KEYSTORE + " is not a PKCS#12 keystore (" + reason(e) + ")");
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new ConfigException(KEYSTORE + " is not a PKCS#12 keystore (" + reason(e) + ")");
        }
        try {
            List<String> keys = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keys.add(alias);
                }
            }
            if (keys.size() != 1) {
                throw new ConfigException(KEYSTORE + " must hold exactly one private key entry, it holds " + keys.size());
            }
            PrivateKey key;
            try {
                key = (PrivateKey) store.getKey(keys.get(0), secret);
            } catch (UnrecoverableKeyException e) {
                throw new ConfigException("the private key in " + KEYSTORE + " has a password other than "
                        + KEYSTORE_PASSWORD);
            }
            Certificate[] certificates = store.getCertificateChain(keys.get(0));
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : certificates == null ? new Certificate[0] : certificates) {
                chain.add((X509Certificate) c);
            }
            if (key == null || chain.isEmpty()) {
                throw new ConfigException(KEYSTORE + " holds a private key without its certificate chain");
            }
            supported(key, KEYSTORE);
            if (!matches(key, chain.get(0).getPublicKey())) {
                throw new ConfigException(KEYSTORE + " holds a private key that does not match its certificate");
            }
            return new KeyMaterial(key, chain);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new ConfigException(KEYSTORE + " cannot be used (" + reason(e) + ")");
        }
    }

    private static void supported(PrivateKey key, String variable) {
        String algorithm = key.getAlgorithm();
        if (!(algorithm.equals("RSA") || algorithm.equals("EC") || isEdDsa(algorithm))) {
            throw new ConfigException(variable + " holds a " + algorithm + " key; Provisio serves RSA, EC and EdDSA keys");
        }
    }

    private static boolean isEdDsa(String algorithm) {
        return algorithm.toUpperCase(Locale.ROOT).startsWith("ED");
    }

    /** Whether {@code key} is the private half of {@code certificateKey}: it signs, the certificate's key verifies. */
    static boolean matches(PrivateKey key, PublicKey certificateKey) {
        String signature = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> isEdDsa(key.getAlgorithm()) ? "EdDSA" : null;
        };
        if (signature == null) {
            return false;
        }
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(signature);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signed = signer.sign();
            Signature verifier = Signature.getInstance(signature);
            verifier.initVerify(certificateKey);
            verifier.update(challenge);
            return verifier.verify(signed);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static PEMParser parser(byte[] file) {
        Reader reader = new InputStreamReader(new ByteArrayInputStream(file), StandardCharsets.US_ASCII);
        return new PEMParser(reader);
    }

    /** An exception's message on one line, without the class name of a stack trace. */
    private static String reason(Exception e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e instanceof java.io.EOFException ? "it ends too early" : "its content cannot be read";
        }
        // "unable to convert key pair: java.security.InvalidKeyException: ..." without the class names
        message = message.replaceAll("\\b([a-z]\\w*\\.)+[A-Z]\\w*(Exception|Error):\\s*", "")
                .replaceAll("\\s+", " ").strip();
        return message.length() > 160 ? message.substring(0, 160) + "..." : message;
    }
}
