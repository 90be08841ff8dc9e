package org.provisio.server.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;

/**
 * SMTP delivery of invitations ({@code PROVISIO_SMTP_*}).
 *
 * @param tls how the connection is secured: {@code starttls}, {@code tls} (implicit) or {@code none}
 */
public record SmtpSettings(
        @NotBlank(message = "PROVISIO_SMTP_HOST must not be blank") String host,
        @Min(value = 1, message = "PROVISIO_SMTP_PORT must be between 1 and 65535")
        @Max(value = 65535, message = "PROVISIO_SMTP_PORT must be between 1 and 65535") int port,
        Optional<String> user,
        Optional<String> password,
        @NotBlank(message = "PROVISIO_SMTP_FROM must not be blank") String from,
        @NotNull Tls tls) {

    /** Transport security of the SMTP connection. */
    public enum Tls { STARTTLS, TLS, NONE }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", user=" + user.orElse("-")
                + ", password=" + (password.isPresent() ? "***" : "-") + ", from=" + from + ", tls=" + tls + "]";
    }
}
