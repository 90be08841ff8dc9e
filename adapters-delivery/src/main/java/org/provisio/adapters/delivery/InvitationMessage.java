package org.provisio.adapters.delivery;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.provisio.domain.model.InvitationEmail;
import static org.owasp.encoder.Encode.forHtml;

/** The words of an invitation email, as plain text and as HTML, with its acceptance link. */
record InvitationMessage(String subject, String text, String html, String link) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    static InvitationMessage of(InvitationEmail email, String publicUrl) {
        String org = email.organization().isBlank() ? "your organization" : email.organization();
        String link = publicUrl + "/invitations/" + email.token();
        String expires = WHEN.format(email.expiresAt());
        String subject = "You are invited to join " + org;
        String text = "Hello,\n\n"
                + org + " has invited you (" + email.userName() + ") to join.\n\n"
                + "Accept the invitation: " + link + "\n\n"
                + "The link is valid until " + expires + " and can be used once.\n"
                + "If you did not expect this invitation, you can ignore this message.\n";
        String html = "<!DOCTYPE html><html><body style=\"font-family:sans-serif\">"
                + "<p>Hello,</p>"
                + "<p><strong>" + forHtml(org) + "</strong> has invited you (" + forHtml(email.userName()) + ") to join.</p>"
                + "<p><a href=\"" + forHtml(link) + "\" style=\"display:inline-block;padding:10px 18px;background:#2b59c3;"
                + "color:#fff;text-decoration:none;border-radius:4px\">Join " + forHtml(org) + "</a></p>"
                + "<p>The link is valid until " + forHtml(expires) + " and can be used once.</p>"
                + "<p style=\"color:#666\">If you did not expect this invitation, you can ignore this message.</p>"
                + "</body></html>";
        return new InvitationMessage(subject, text, html, link);
    }
}
