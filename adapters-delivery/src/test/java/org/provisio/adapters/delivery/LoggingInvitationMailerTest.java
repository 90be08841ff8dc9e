package org.provisio.adapters.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.provisio.domain.model.InvitationEmail;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;
import org.slf4j.LoggerFactory;

/** The log mailer: masked links unless asked, and no forged lines from client-supplied text. */
class LoggingInvitationMailerTest {
    private static final String TOKEN = "Zq8xV2mN4pL7rT1wY6uB3cE9hJ0kS5dF";
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger("provisio.mail");

    private ch.qos.logback.classic.Level before;

    @BeforeEach
    void attach() {
        appender.start();
        before = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        logger.addAppender(appender);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(appender);
        logger.setLevel(before);
    }

    private static InvitationEmail email(String userName) {
        return new InvitationEmail("m1", TenantId.of("t1"), UserId.of("u1"), userName, userName, "Acme", TOKEN,
                Instant.parse("2026-12-08T00:00:00Z"));
    }

    @Test
    void theLinkIsMaskedByDefault() {
        new LoggingInvitationMailer("https://id.example.com/").send(email("kim@example.com"));
        String line = appender.list.get(0).getFormattedMessage();
        assertThat(line).doesNotContain(TOKEN).doesNotContain(TOKEN.substring(4))
                .contains("https://id.example.com/invitations/" + TOKEN.substring(0, 4) + "…(masked)");
    }

    @Test
    void theWholeLinkOnlyWhenAskedFor() {
        LoggingInvitationMailer.withFullLinks("https://id.example.com").send(email("kim@example.com"));
        assertThat(appender.list.get(0).getFormattedMessage())
                .contains("https://id.example.com/invitations/" + TOKEN + " ");
    }

    @Test
    void aUserNameWithLineBreaksCannotForgeALogLine() {
        String forged = "kim@example.com\r\n2026-12-01T00:00:00Z INFO provisio.access - GET /admin 200\u0007";
        new LoggingInvitationMailer("https://id.example.com").send(email(forged));
        String line = appender.list.get(0).getFormattedMessage();
        assertThat(line).doesNotContain("\r").doesNotContain("\n").doesNotContain("\u0007")
                .contains("kim@example.com\\r\\n2026-12-01T00:00:00Z INFO").contains("\\u0007");
    }
}
