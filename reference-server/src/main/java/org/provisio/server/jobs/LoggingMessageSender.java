package org.provisio.server.jobs;

import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.port.MessageSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivery when no SMTP server is configured: the invitation is written to the log, saying so,
 * with the link the person would have been mailed; lifecycle events are logged as they go out.
 */
public final class LoggingMessageSender implements MessageSender {
    private static final Logger MAIL = LoggerFactory.getLogger("provisio.mail");
    private static final Logger EVENTS = LoggerFactory.getLogger("provisio.events");

    private final String publicUrl;

    public LoggingMessageSender(String publicUrl) {
        this.publicUrl = publicUrl;
    }

    @Override
    public void send(OutboxMessage m) {
        if (m.kind() == OutboxMessage.Kind.INVITATION_EMAIL) {
            MAIL.info("SMTP is not configured, so this invitation is logged instead of mailed: to={} user={} "
                            + "organization={} link={}/invitations/{} expires={}",
                    m.payload().getOrDefault("email", "(no email)"), m.payload().get("userName"),
                    m.payload().getOrDefault("organization", "-"), publicUrl, m.payload().get("token"),
                    m.payload().getOrDefault("expiresAt", "-"));
        } else {
            EVENTS.info("event {} tenant={} user={} at={}", m.kind().name().toLowerCase(java.util.Locale.ROOT),
                    m.tenantId().value(), m.userId().value(), m.createdAt());
        }
    }
}
