package org.provisio.adapters.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ServerSocket;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.provisio.domain.model.InvitationEmail;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;

/** The SMTP mailer against GreenMail, a real SMTP server in the test JVM. */
class SmtpInvitationMailerTest {
    private static final ServerSetup SMTP = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("provisio", "s3cret"))
            .withPerMethodLifecycle(true);

    private static InvitationEmail email(String to) {
        return new InvitationEmail("msg-1", TenantId.of("acme"), UserId.of("u-1"), "kim@example.com", to,
                "Acme <Labs>", "tok_ABC123", Instant.parse("2026-12-06T11:00:00Z"));
    }

    private static SmtpInvitationMailer mailer(int port) {
        return SmtpInvitationMailer.builder("127.0.0.1", port, "https://id.example.com/")
                .security(SmtpInvitationMailer.Security.NONE)
                .credentials("provisio", "s3cret")
                .from("Acme <no-reply@example.com>")
                .build();
    }

    @Test
    void sendsPlainTextAndHtmlWithTheLinkOrganizationAndExpiry() throws Exception {
        mailer(GREENMAIL.getSmtp().getPort()).send(email("kim@example.com"));

        MimeMessage[] received = GREENMAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage m = received[0];
        assertThat(m.getAllRecipients()[0].toString()).isEqualTo("kim@example.com");
        assertThat(m.getFrom()[0].toString()).contains("no-reply@example.com");
        assertThat(m.getSubject()).isEqualTo("You are invited to join Acme <Labs>");
        assertThat(m.getHeader("X-Provisio-Message-Id")).containsExactly("msg-1");
        MimeMultipart parts = (MimeMultipart) m.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(text).contains("https://id.example.com/invitations/tok_ABC123").contains("6 December 2026, 11:00 UTC");
        assertThat(html).contains("href=\"https://id.example.com/invitations/tok_ABC123\"")
                .contains("Acme &lt;Labs&gt;").doesNotContain("Acme <Labs>");
    }

    @Test
    void aUserWithoutAnAddressIsSkippedNotRetried() {
        mailer(GREENMAIL.getSmtp().getPort()).send(email(""));
        mailer(GREENMAIL.getSmtp().getPort()).send(email("not an address"));
        assertThat(GREENMAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerThatIsDownIsAFailureToRetry() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        SmtpInvitationMailer down = mailer(closedPort);
        assertThatThrownBy(() -> down.send(email("kim@example.com"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void wrongCredentialsAreAFailure() {
        SmtpInvitationMailer wrong = SmtpInvitationMailer.builder("127.0.0.1", GREENMAIL.getSmtp().getPort(), "https://x")
                .security(SmtpInvitationMailer.Security.NONE).credentials("provisio", "wrong").build();
        assertThatThrownBy(() -> wrong.send(email("kim@example.com"))).isInstanceOf(IllegalStateException.class);
        assertThat(GREENMAIL.getReceivedMessages()).isEmpty();
    }
}
