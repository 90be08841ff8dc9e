package org.provisio.server.config;

import java.util.Optional;

/**
 * SMTP delivery of invitations ({@code PROVISIO_SMTP_*}).
 *
 * @param tls how the connection is secured: {@code starttls}, {@code tls} (implicit) or {@code none}
 */
public record SmtpSettings(String host, int port, Optional<String> user, Optional<String> password, String from,
                           Tls tls) {

    /** Transport security of the SMTP connection. */
    public enum Tls { STARTTLS, TLS, NONE }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", user=" + user.orElse("-")
                + ", password=" + (password.isPresent() ? "***" : "-") + ", from=" + from + ", tls=" + tls + "]";
    }
}
