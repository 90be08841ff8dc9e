package org.provisio.adapters.delivery;

import org.provisio.domain.model.InvitationEmail;
import org.provisio.domain.port.InvitationMailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mailer when no SMTP server is configured: the invitation is written to the log instead,
 * saying so. The link carries the invitation's secret token, and logs travel further than mail
 * (shippers, support tickets), so by default only a masked link is written
 * ({@code https://id.example.com/invitations/AbCd…}); {@link #withFullLinks} writes the whole link
 * for an operator who passes invitations on by hand. Every value a client supplied is written with
 * its control characters escaped, so that a userName holding CR/LF cannot forge log lines.
 */
public final class LoggingInvitationMailer implements InvitationMailer {
    private static final Logger MAIL = LoggerFactory.getLogger("provisio.mail");
    /** How many characters of the token a masked link keeps. */
    static final int SHOWN = 4;

    private final String publicUrl;
    private final boolean fullLinks;

    private LoggingInvitationMailer(String publicUrl, boolean fullLinks) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.fullLinks = fullLinks;
    }

    /** Logs invitations with masked links. */
    public LoggingInvitationMailer(String publicUrl) {
        this(publicUrl, false);
    }

    /** Logs invitations with their whole, working links. */
    public static LoggingInvitationMailer withFullLinks(String publicUrl) {
        return new LoggingInvitationMailer(publicUrl, true);
    }

    @Override
    public void send(InvitationEmail email) {
        InvitationMessage words = InvitationMessage.of(email, publicUrl);
        String link = fullLinks ? words.link() : masked(words.link(), email.token());
        MAIL.info("SMTP is not configured, so this invitation is logged instead of mailed: to={} user={} "
                        + "organization={} link={} expires={}",
                LogText.escape(email.hasAddress() ? email.to() : "(no email)"), LogText.escape(email.userName()),
                LogText.escape(email.organization()), link, email.expiresAt());
    }

    static String masked(String link, String token) {
        int at = link.lastIndexOf(token);
        String shown = token.substring(0, Math.min(SHOWN, token.length()));
        return (at < 0 ? link : link.substring(0, at)) + shown + "…(masked)";
    }
}
