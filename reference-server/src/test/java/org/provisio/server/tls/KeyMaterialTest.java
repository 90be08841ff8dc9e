package org.provisio.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.provisio.server.config.ConfigException;
import org.provisio.server.config.TlsSettings;
import org.provisio.server.tls.TestCertificates.Algorithm;
import org.provisio.server.tls.TestCertificates.KeyFormat;

/** Reading certificate chains and keys in each format an operator may hold them in, and refusing the rest in one line. */
class KeyMaterialTest {
    private static final TestCertificates CA = TestCertificates.newCa();
    private static TestCertificates.Server rsa;
    private static TestCertificates.Server ec;

    @TempDir
    Path dir;

    @BeforeAll
    static void issue() {
        rsa = CA.issue(Algorithm.RSA, "rsa.test");
        ec = CA.issue(Algorithm.EC, "ec.test");
    }

    static Stream<Arguments> pemFormats() {
        return Stream.of(Algorithm.values()).flatMap(a -> Stream.of(KeyFormat.values()).map(f -> Arguments.of(a, f)));
    }

    private TestCertificates.Server server(Algorithm algorithm) {
        return algorithm == Algorithm.RSA ? rsa : ec;
    }

    @ParameterizedTest(name = "{0} key as {1}")
    @MethodSource("pemFormats")
    void readsAChainAndAKeyInEachPemFormat(Algorithm algorithm, KeyFormat format) {
        TestCertificates.Server server = server(algorithm);
        TlsSettings settings = new TlsSettings.Pem(server.writeChain(dir.resolve("fullchain.pem")),
                server.writeKey(dir.resolve("privkey.pem"), format));
        KeyMaterial material = KeyMaterial.parse(settings, KeyMaterial.read(settings));
        assertThat(material.leaf()).isEqualTo(server.certificate);
        assertThat(material.chain()).containsExactly(server.certificate, CA.ca());
        assertThat(material.key().getAlgorithm()).isEqualTo(algorithm.name());
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void readsAPkcs12Keystore(Algorithm algorithm) {
        TestCertificates.Server server = server(algorithm);
        TlsSettings settings = new TlsSettings.Pkcs12(server.writePkcs12(dir.resolve("server.p12"), "changeit"),
                Optional.of("changeit"));
        KeyMaterial material = KeyMaterial.parse(settings, KeyMaterial.read(settings));
        assertThat(material.leaf()).isEqualTo(server.certificate);
    }

    @Test
    void aKeyOfAnotherCertificateIsRefusedInTheLineTheOperatorReads() {
        assertRefused(new TlsSettings.Pem(rsa.writeChain(dir.resolve("cert.pem")),
                        ec.writeKey(dir.resolve("key.pem"), KeyFormat.PKCS8)),
                "PROVISIO_TLS_KEY does not hold a private key matching PROVISIO_TLS_CERT");
        TestCertificates.Server otherRsa = CA.issue(Algorithm.RSA, "other.test");
        assertRefused(new TlsSettings.Pem(rsa.writeChain(dir.resolve("cert.pem")),
                        otherRsa.writeKey(dir.resolve("key.pem"), KeyFormat.TRADITIONAL)),
                "PROVISIO_TLS_KEY does not hold a private key matching PROVISIO_TLS_CERT");
    }

    @Test
    void aChainThatDoesNotStartWithTheServersCertificateIsRefused() {
        assertRefused(new TlsSettings.Pem(rsa.writeChainIssuerFirst(dir.resolve("cert.pem")),
                rsa.writeKey(dir.resolve("key.pem"), KeyFormat.PKCS8)), "PROVISIO_TLS_CERT must start with");
    }

    @ParameterizedTest
    @EnumSource(KeyFormat.class)
    void anEncryptedKeyIsRefused(KeyFormat format) {
        assertRefused(new TlsSettings.Pem(ec.writeChain(dir.resolve("cert.pem")),
                ec.writeEncryptedKey(dir.resolve("key.pem"), format, "secret")), "PROVISIO_TLS_KEY holds an encrypted");
    }

    @Test
    void garbageAndMissingFilesAreRefusedNamingTheirVariable() throws Exception {
        Path key = rsa.writeKey(dir.resolve("key.pem"), KeyFormat.PKCS8);
        Path cert = rsa.writeChain(dir.resolve("cert.pem"));
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "this is not a certificate\n");
        Path broken = Files.writeString(dir.resolve("broken.pem"),
                "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n");
        Path brokenKey = Files.writeString(dir.resolve("broken-key.pem"),
                "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        assertRefused(new TlsSettings.Pem(garbage, key), "PROVISIO_TLS_CERT holds no PEM certificate");
        assertRefused(new TlsSettings.Pem(broken, key), "PROVISIO_TLS_CERT is not a PEM certificate chain");
        assertRefused(new TlsSettings.Pem(cert, garbage), "PROVISIO_TLS_KEY holds no PEM private key");
        assertRefused(new TlsSettings.Pem(cert, cert), "PROVISIO_TLS_KEY holds no PEM private key");
        assertRefused(new TlsSettings.Pem(cert, brokenKey), "PROVISIO_TLS_KEY is not a PEM private key");
        assertRefused(new TlsSettings.Pem(dir.resolve("gone.pem"), key), "PROVISIO_TLS_CERT cannot be read");
        assertRefused(new TlsSettings.Pem(cert, dir.resolve("gone.pem")), "PROVISIO_TLS_KEY cannot be read");
        assertRefused(new TlsSettings.Pkcs12(garbage, Optional.of("changeit")), "PROVISIO_TLS_KEYSTORE is not a PKCS#12");
    }

    @Test
    void aWrongKeystorePasswordIsRefused() {
        Path keystore = rsa.writePkcs12(dir.resolve("server.p12"), "changeit");
        assertRefused(new TlsSettings.Pkcs12(keystore, Optional.of("wrong!")),
                "PROVISIO_TLS_KEYSTORE_PASSWORD is not the password of PROVISIO_TLS_KEYSTORE");
        assertRefused(new TlsSettings.Pkcs12(keystore, Optional.empty()),
                "PROVISIO_TLS_KEYSTORE_PASSWORD is not the password of PROVISIO_TLS_KEYSTORE");
    }

    @Test
    void aKeyFileMayCarryEcParametersAndTheCertificateToo() throws Exception {
        String sec1 = Files.readString(ec.writeKey(dir.resolve("sec1.pem"), KeyFormat.TRADITIONAL));
        Path key = TestCertificates.write(dir.resolve("key.pem"),
                "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n"
                        + TestCertificates.pem(ec.certificate) + sec1);
        TlsSettings settings = new TlsSettings.Pem(ec.writeChain(dir.resolve("cert.pem")), key);
        assertThat(KeyMaterial.parse(settings, KeyMaterial.read(settings)).leaf()).isEqualTo(ec.certificate);
    }

    private static void assertRefused(TlsSettings settings, String line) {
        assertThatThrownBy(() -> KeyMaterial.parse(settings, KeyMaterial.read(settings)))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).startsWith(line).doesNotContain("\n").doesNotContain("\tat ")
                            .doesNotContain("Exception");
                    assertThat(e.getStackTrace()).as("printed without a stack trace").isEmpty();
                });
    }

    @Test
    void matchesTellsAKeysOwnCertificateFromAnother() {
        assertThat(KeyMaterial.matches(rsa.keys.getPrivate(), rsa.certificate.getPublicKey())).isTrue();
        assertThat(KeyMaterial.matches(ec.keys.getPrivate(), ec.certificate.getPublicKey())).isTrue();
        assertThat(KeyMaterial.matches(rsa.keys.getPrivate(), ec.certificate.getPublicKey())).isFalse();
        assertThat(KeyMaterial.matches(ec.keys.getPrivate(), CA.ca().getPublicKey())).isFalse();
        assertThat(List.of(rsa.certificate, ec.certificate)).doesNotHaveDuplicates();
    }
}
