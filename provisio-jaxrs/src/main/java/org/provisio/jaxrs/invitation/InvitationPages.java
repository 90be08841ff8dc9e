package org.provisio.jaxrs.invitation;

import static org.owasp.encoder.Encode.forHtml;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.provisio.domain.model.InvitationStanding;
import org.provisio.domain.usecase.InspectInvitation;


/** The small HTML pages of the invitation link; every value written into them is escaped. */
final class InvitationPages {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private InvitationPages() {
    }

    static String join(String token, InspectInvitation.Open open) {
        String org = open.organization().isBlank() ? "your organization" : open.organization();
        return page("Join " + org,
                "<h1>Join " + forHtml(org) + "</h1>"
                + "<p>" + forHtml(org) + " has invited <strong>" + forHtml(open.userName()) + "</strong>.</p>"
                // relative, so that a public URL with a path prefix (https://id.example.com/provisio) is kept
                + "<form method=\"post\" action=\"" + forHtml(token) + "/accept\">"
                + "<button type=\"submit\">Accept</button></form>"
                + "<p class=\"note\">This invitation is valid until " + forHtml(WHEN.format(open.expiresAt()))
                + " and can be used once.</p>");
    }

    static String welcome(String userName) {
        return page("Welcome", "<h1>Welcome</h1><p>The invitation for <strong>" + forHtml(userName)
                + "</strong> is accepted; your account is active.</p>");
    }

    static String closed(InvitationStanding standing) {
        return switch (standing) {
            case UNKNOWN, OPEN -> page("Invitation not found", "<h1>Invitation not found</h1>"
                    + "<p>This link does not belong to any invitation. Check that it was copied completely.</p>");
            case ALREADY_USED -> page("Invitation already accepted", "<h1>Invitation already accepted</h1>"
                    + "<p>This invitation has been used. You can sign in with your account.</p>");
            case EXPIRED -> page("Invitation expired", "<h1>Invitation expired</h1>"
                    + "<p>This invitation is no longer valid. Ask your administrator to send a new one.</p>");
            case REVOKED -> page("Invitation withdrawn", "<h1>Invitation withdrawn</h1>"
                    + "<p>This invitation was withdrawn or replaced by a newer one. Ask your administrator if you "
                    + "still need access.</p>");
        };
    }

    /** The page's only style sheet, allowed by its hash in {@link #CONTENT_SECURITY_POLICY}. */
    private static final String STYLE =
            "body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#222}"
            + "button{font-size:1rem;padding:.6rem 1.4rem;background:#2b59c3;color:#fff;border:0;border-radius:4px;"
            + "cursor:pointer}.note{color:#666;font-size:.9rem}";

    /**
     * Nothing loads but the inline style above, forms post only to this origin, and no other site may
     * frame the page (the link's token must not be clicked through someone else's page).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(STYLE)
            + "'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static String sha256(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "sha256-" + java.util.Base64.getEncoder().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + forHtml(title) + "</title><style>" + STYLE + "</style></head><body>" + body
                + "</body></html>";
    }
}
