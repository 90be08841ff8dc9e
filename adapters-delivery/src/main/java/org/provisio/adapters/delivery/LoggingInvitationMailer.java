package org.provisio.adapters.delivery;

import org.provisio.domain.model.InvitationEmail;
import org.provisio.domain.port.InvitationMailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mailer when no SMTP server is configured: the invitation is written to the log, saying so,
 * with the link the person would have been mailed, so that an operator can pass it on.
 */
public final class LoggingInvitationMailer implements InvitationMailer {
    private static final Logger MAIL = LoggerFactory.getLogger("provisio.mail");

    private final String publicUrl;

    public LoggingInvitationMailer(String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @Override
    public void send(InvitationEmail email) {
        InvitationMessage words = InvitationMessage.of(email, publicUrl);
        MAIL.info("SMTP is not configured, so this invitation is logged instead of mailed: to={} user={} "
                        + "organization={} link={} expires={}",
                email.hasAddress() ? email.to() : "(no email)", email.userName(), email.organization(), words.link(),
                email.expiresAt());
    }
}
