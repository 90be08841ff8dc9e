package org.provisio.server.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemObjectGenerator;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Certificates made at test time: a self-signed test CA and server certificates it issues for
 * {@code localhost} and {@code 127.0.0.1}, with RSA or EC keys, written in every format an operator
 * may hold them in.
 */
public final class TestCertificates {
    /** The kind of key. */
    public enum Algorithm {
        RSA, EC
    }

    /** How the private key is written. */
    public enum KeyFormat {
        /** {@code BEGIN PRIVATE KEY}. */
        PKCS8("-----BEGIN PRIVATE KEY-----"),
        /** {@code BEGIN RSA PRIVATE KEY} (PKCS#1) or {@code BEGIN EC PRIVATE KEY} (SEC1). */
        TRADITIONAL("-----BEGIN %s PRIVATE KEY-----");

        final String header;

        KeyFormat(String header) {
            this.header = header;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    /** For encrypting keys only; not registered, so the server under test runs on the JDK's providers. */
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private final KeyPair caKeys;
    private final X509Certificate ca;

    private TestCertificates(KeyPair caKeys, X509Certificate ca) {
        this.caKeys = caKeys;
        this.ca = ca;
    }

    /** A new test CA. */
    public static TestCertificates newCa() {
        KeyPair keys = keyPair(Algorithm.EC);
        X500Name name = new X500Name("CN=Provisio Test CA " + RANDOM.nextInt(1_000_000));
        try {
            JcaX509v3CertificateBuilder b = builder(name, name, keys);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return new TestCertificates(keys, sign(b, keys, Algorithm.EC));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public X509Certificate ca() {
        return ca;
    }

    /** A server certificate for localhost and 127.0.0.1, issued by this CA. */
    public Server issue(Algorithm algorithm, String commonName) {
        KeyPair keys = keyPair(algorithm);
        try {
            JcaX509v3CertificateBuilder b = builder(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
                    new X500Name("CN=" + commonName), keys);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(algorithm == Algorithm.RSA
                    ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.digitalSignature));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            return new Server(algorithm, keys, sign(b, caKeys, Algorithm.EC), ca);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client {@link SSLContext} that trusts this CA only. */
    public SSLContext clientContext() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", ca);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the CA certificate as PEM, for {@code curl --cacert}. */
    public Path writeCa(Path file) {
        return write(file, pem(ca));
    }

    /** A server's key pair and certificate. */
    public static final class Server {
        public final Algorithm algorithm;
        public final KeyPair keys;
        public final X509Certificate certificate;
        private final X509Certificate issuer;

        Server(Algorithm algorithm, KeyPair keys, X509Certificate certificate, X509Certificate issuer) {
            this.algorithm = algorithm;
            this.keys = keys;
            this.certificate = certificate;
            this.issuer = issuer;
        }

        /** The chain as certbot's {@code fullchain.pem} has it: the server's certificate, then its issuer. */
        public Path writeChain(Path file) {
            return write(file, pem(certificate) + pem(issuer));
        }

        /** The chain the wrong way round. */
        public Path writeChainIssuerFirst(Path file) {
            return write(file, pem(issuer) + pem(certificate));
        }

        /** The private key, unencrypted, in {@code format}; the file is checked to start as that format does. */
        public Path writeKey(Path file, KeyFormat format) {
            String text;
            try {
                text = format == KeyFormat.PKCS8 ? pem(new JcaPKCS8Generator(keys.getPrivate(), null))
                        : pem(traditional());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String header = String.format(format.header, algorithm.name());
            if (!text.startsWith(header)) {
                throw new IllegalStateException("expected " + header + ", wrote " + text.lines().findFirst().orElse(""));
            }
            return write(file, text);
        }

        /**
         * PKCS#1 for RSA; for EC, SEC1 with the curve named inside, as {@code openssl ec} writes it (BouncyCastle
         * would copy Java's PKCS#8 encoding, which leaves the curve to the algorithm identifier).
         */
        private Object traditional() throws IOException {
            if (algorithm == Algorithm.RSA) {
                return new JcaMiscPEMGenerator(keys.getPrivate());
            }
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded());
            org.bouncycastle.asn1.sec.ECPrivateKey inner = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(
                    info.parsePrivateKey());
            org.bouncycastle.asn1.sec.ECPrivateKey sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(256, inner.getKey(),
                    SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()).getPublicKeyData(),
                    info.getPrivateKeyAlgorithm().getParameters());
            return new PemObject("EC PRIVATE KEY", sec1.getEncoded());
        }

        /** The private key encrypted with {@code password}, as PKCS#8 or in OpenSSL's traditional format. */
        public Path writeEncryptedKey(Path file, KeyFormat format, String password) {
            try {
                String text;
                if (format == KeyFormat.PKCS8) {
                    OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                            .setProvider(BC).setPassword(password.toCharArray()).build();
                    text = pem(new JcaPKCS8Generator(keys.getPrivate(), encryptor));
                } else {
                    text = pem(new JcaMiscPEMGenerator(keys.getPrivate(),
                            new JcePEMEncryptorBuilder("AES-128-CBC").setProvider(BC).build(password.toCharArray())));
                }
                return write(file, text);
            } catch (org.bouncycastle.operator.OperatorCreationException | IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A PKCS#12 keystore holding the key and chain under {@code password}. */
        public Path writePkcs12(Path file, String password) {
            try (OutputStream out = Files.newOutputStream(file)) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry("server", keys.getPrivate(), password.toCharArray(),
                        new X509Certificate[] {certificate, issuer});
                store.store(out, password.toCharArray());
                return file;
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static JcaX509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(30))), subject,
                keys.getPublic());
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder b, KeyPair signer, Algorithm algorithm) {
        try {
            String signature = algorithm == Algorithm.RSA ? "SHA256withRSA" : "SHA256withECDSA";
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder(signature).build(signer.getPrivate())));
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair keyPair(Algorithm algorithm) {
        try {
            if (algorithm == Algorithm.RSA) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                return g.generateKeyPair();
            }
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            if (object instanceof PemObject o) {
                writer.writeObject(o);
            } else if (object instanceof PemObjectGenerator generator) {
                writer.writeObject(generator);
            } else {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PEM file of {@code objects}, e.g. a certificate given where a key belongs. */
    static Path writePem(Path file, List<?> objects) {
        StringBuilder text = new StringBuilder();
        objects.forEach(o -> text.append(pem(o)));
        return write(file, text.toString());
    }
}
