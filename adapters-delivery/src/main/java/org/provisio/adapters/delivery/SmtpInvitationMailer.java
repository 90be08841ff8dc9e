package org.provisio.adapters.delivery;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.provisio.domain.model.InvitationEmail;
import org.provisio.domain.port.InvitationMailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends invitation emails over SMTP with Eclipse Angus Mail: a plain-text and an HTML part, the
 * organization's name, the acceptance link and its expiry. A connection or server failure throws,
 * so the outbox keeps the message and retries it; an invitation for a user without an email
 * address, or with a malformed one, cannot ever be sent and is logged and dropped.
 *
 * <pre>{@code
 * InvitationMailer mailer = SmtpInvitationMailer.builder("smtp.example.com", 587, "https://id.example.com")
 *     .security(SmtpInvitationMailer.Security.STARTTLS)
 *     .credentials("provisio", password)
 *     .from("Acme <no-reply@example.com>")
 *     .build();
 * }</pre>
 */
public final class SmtpInvitationMailer implements InvitationMailer {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpInvitationMailer.class);

    /** How the SMTP connection is secured. */
    public enum Security { STARTTLS, TLS, NONE }

    private final Session session;
    private final String from;
    private final String publicUrl;

    private SmtpInvitationMailer(Builder b) {
        Properties p = new Properties();
        String protocol = b.security == Security.TLS ? "smtps" : "smtp";
        p.setProperty("mail.transport.protocol", protocol);
        p.setProperty("mail." + protocol + ".host", b.host);
        p.setProperty("mail." + protocol + ".port", Integer.toString(b.port));
        p.setProperty("mail." + protocol + ".connectiontimeout", "10000");
        p.setProperty("mail." + protocol + ".timeout", "20000");
        p.setProperty("mail." + protocol + ".writetimeout", "20000");
        if (b.security == Security.STARTTLS) {
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", "true");
        }
        if (b.security != Security.NONE) {
            p.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        Authenticator auth = null;
        if (b.user.isPresent()) {
            p.setProperty("mail." + protocol + ".auth", "true");
            String user = b.user.get();
            String password = b.password.orElse("");
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password);
                }
            };
        }
        this.session = Session.getInstance(p, auth);
        this.from = b.from;
        this.publicUrl = b.publicUrl;
    }

    /** A mailer for an SMTP server; {@code publicUrl} is the base of the acceptance links. */
    public static Builder builder(String host, int port, String publicUrl) {
        return new Builder(host, port, publicUrl);
    }

    @Override
    public void send(InvitationEmail email) {
        if (!email.hasAddress()) {
            LOG.warn("Invitation {} for user {} not mailed: the user has no email address", email.id(), email.userId());
            return;
        }
        InternetAddress to;
        try {
            to = new InternetAddress(email.to(), true);
        } catch (AddressException e) {
            // the value is the person's: the log names the user by id only
            LOG.warn("Invitation {} for user {} not mailed: the user's email is not an email address", email.id(),
                    email.userId());
            return;
        }
        InvitationMessage words = InvitationMessage.of(email, publicUrl);
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(from));
            message.setRecipient(Message.RecipientType.TO, to);
            message.setSubject(words.subject(), StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            // an idempotency hint for whoever reads the mail logs: the outbox message id
            message.setHeader("X-Provisio-Message-Id", email.id());
            MimeBodyPart text = new MimeBodyPart();
            text.setText(words.text(), StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(words.html(), StandardCharsets.UTF_8.name(), "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            message.setContent(alternative);
            Transport.send(message);
            LOG.info("Invitation {} mailed to user {}", email.id(), email.userId());
        } catch (MessagingException e) {
            throw new IllegalStateException("SMTP delivery of invitation " + email.id() + " failed: " + e.getMessage(), e);
        }
    }

    /** Configures an {@link SmtpInvitationMailer}. */
    public static final class Builder {
        private final String host;
        private final int port;
        private final String publicUrl;
        private Security security = Security.STARTTLS;
        private Optional<String> user = Optional.empty();
        private Optional<String> password = Optional.empty();
        private String from = "provisio@localhost";

        private Builder(String host, int port, String publicUrl) {
            this.host = Objects.requireNonNull(host, "host");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be between 1 and 65535");
            }
            this.port = port;
            String url = Objects.requireNonNull(publicUrl, "publicUrl");
            this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }

        public Builder security(Security security) {
            this.security = Objects.requireNonNull(security, "security");
            return this;
        }

        public Builder credentials(String user, String password) {
            this.user = Optional.of(Objects.requireNonNull(user, "user"));
            this.password = Optional.ofNullable(password);
            return this;
        }

        /** The sender, e.g. {@code Acme <no-reply@example.com>}. */
        public Builder from(String from) {
            try {
                new InternetAddress(from, true);
            } catch (AddressException e) {
                throw new IllegalArgumentException("not an email address: " + from, e);
            }
            this.from = from;
            return this;
        }

        public SmtpInvitationMailer build() {
            return new SmtpInvitationMailer(this);
        }
    }
}
