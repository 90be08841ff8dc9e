package org.provisio.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provisio.server.config.TlsSettings;
import org.provisio.server.tls.TestCertificates.Algorithm;
import org.provisio.server.tls.TestCertificates.KeyFormat;
import org.slf4j.LoggerFactory;

/** Reloading: a usable change is served, an unusable one is logged once and the certificate in use kept. */
class ServerTlsTest {
    private static final TestCertificates CA = TestCertificates.newCa();

    @TempDir
    Path dir;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(ServerTls.class);

    @BeforeEach
    void listen() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(log);
    }

    private List<String> warnings() {
        return log.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void aChangedCertificateIsServedAndAnUnusableOneKeepsTheOld() throws Exception {
        TestCertificates.Server first = CA.issue(Algorithm.RSA, "first.test");
        Path cert = first.writeChain(dir.resolve("fullchain.pem"));
        Path key = first.writeKey(dir.resolve("privkey.pem"), KeyFormat.PKCS8);
        try (ServerTls tls = ServerTls.load(new TlsSettings.Pem(cert, key))) {
            assertThat(tls.certificate()).isEqualTo(first.certificate);
            assertThat(tls.reload()).as("unchanged files").isFalse();

            TestCertificates.Server second = CA.issue(Algorithm.EC, "second.test");
            second.writeChain(cert);
            assertThat(tls.reload()).as("a new certificate with the old key").isFalse();
            assertThat(tls.certificate()).isEqualTo(first.certificate);
            assertThat(warnings()).singleElement().asString()
                    .contains("PROVISIO_TLS_KEY does not hold a private key matching PROVISIO_TLS_CERT");
            assertThat(tls.reload()).isFalse();
            assertThat(warnings()).as("the same problem is logged once").hasSize(1);

            second.writeKey(key, KeyFormat.TRADITIONAL);
            assertThat(tls.reload()).isTrue();
            assertThat(tls.certificate()).isEqualTo(second.certificate);

            Files.writeString(key, "garbage");
            assertThat(tls.reload()).isFalse();
            assertThat(tls.certificate()).isEqualTo(second.certificate);
            assertThat(warnings()).hasSize(2);
            Files.delete(key);
            assertThat(tls.reload()).isFalse();
            assertThat(warnings()).hasSize(3).last().asString().contains("PROVISIO_TLS_KEY cannot be read");
            assertThat(tls.certificate()).isEqualTo(second.certificate);
        }
    }

    @Test
    void theWatcherLogsAProblemOnlyOnceItHasLastedTwoLooks() throws Exception {
        TestCertificates.Server first = CA.issue(Algorithm.EC, "first.test");
        Path cert = first.writeChain(dir.resolve("fullchain.pem"));
        Path key = first.writeKey(dir.resolve("privkey.pem"), KeyFormat.TRADITIONAL);
        try (ServerTls tls = ServerTls.load(new TlsSettings.Pem(cert, key))) {
            TestCertificates.Server second = CA.issue(Algorithm.EC, "second.test");
            // certbot swaps the files one after the other: between the two, they do not match
            second.writeChain(cert);
            tls.check();
            assertThat(warnings()).as("half-way through a renewal").isEmpty();
            second.writeKey(key, KeyFormat.PKCS8);
            tls.check();
            assertThat(tls.certificate()).isEqualTo(second.certificate);
            assertThat(warnings()).isEmpty();

            CA.issue(Algorithm.RSA, "third.test").writeChain(cert);
            tls.check();
            assertThat(warnings()).isEmpty();
            tls.check();
            tls.check();
            assertThat(warnings()).singleElement().asString().contains("does not hold a private key matching");
            assertThat(tls.certificate()).isEqualTo(second.certificate);
        }
    }

    @Test
    void aPkcs12KeystoreIsReloadedToo() {
        TestCertificates.Server first = CA.issue(Algorithm.RSA, "first.test");
        Path keystore = first.writePkcs12(dir.resolve("server.p12"), "changeit");
        try (ServerTls tls = ServerTls.load(new TlsSettings.Pkcs12(keystore, Optional.of("changeit")))) {
            assertThat(tls.certificate()).isEqualTo(first.certificate);
            TestCertificates.Server second = CA.issue(Algorithm.EC, "second.test");
            second.writePkcs12(keystore, "changeit");
            assertThat(tls.reload()).isTrue();
            assertThat(tls.certificate()).isEqualTo(second.certificate);
        }
    }
}
