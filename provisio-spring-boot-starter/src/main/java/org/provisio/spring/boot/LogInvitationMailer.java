package org.provisio.spring.boot;

import java.util.function.Supplier;
import org.provisio.domain.model.InvitationEmail;
import org.provisio.domain.port.InvitationMailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mailer when the product defines no {@link InvitationMailer} bean: each invitation is written to
 * the log ({@code provisio.mail}) with a masked link, since the link carries the invitation's secret
 * and logs travel further than mail. Client-supplied text is written with its control characters
 * escaped, so that a userName holding CR/LF cannot forge log lines.
 */
final class LogInvitationMailer implements InvitationMailer {
    private static final Logger MAIL = LoggerFactory.getLogger("provisio.mail");
    /** How many characters of the token a masked link keeps. */
    static final int SHOWN = 4;

    private final Supplier<String> publicUrl;

    LogInvitationMailer(Supplier<String> publicUrl) {
        this.publicUrl = publicUrl;
    }

    @Override
    public void send(InvitationEmail email) {
        MAIL.info("No InvitationMailer bean, so this invitation is logged instead of mailed: to={} user={} "
                        + "organization={} link={} expires={}",
                escaped(email.hasAddress() ? email.to() : "(no email)"), escaped(email.userName()),
                escaped(email.organization()), maskedLink(email), email.expiresAt());
    }

    String maskedLink(InvitationEmail email) {
        String token = email.token();
        return publicUrl.get() + "/invitations/" + token.substring(0, Math.min(SHOWN, token.length())) + "…(masked)";
    }

    static String escaped(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            if (Character.isISOControl(ch) || ch == '\u2028' || ch == '\u2029') {
                out.append(String.format("\\u%04x", (int) ch));
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
