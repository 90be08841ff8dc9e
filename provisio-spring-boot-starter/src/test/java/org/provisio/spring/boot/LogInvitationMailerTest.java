package org.provisio.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.provisio.domain.model.InvitationEmail;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;

class LogInvitationMailerTest {
    private final InvitationEmail email = new InvitationEmail("m1", TenantId.of("t1"), UserId.of("u1"),
            "kim\r\nINFO forged", "kim@example.com", "Acme", "AbCdEfGhIjKlMnOp", Instant.parse("2030-01-01T00:00:00Z"));

    @Test
    void theLinkKeepsOnlyTheStartOfTheToken() {
        String link = new LogInvitationMailer(() -> "https://app.example.com/provisio").maskedLink(email);
        assertThat(link).isEqualTo("https://app.example.com/provisio/invitations/AbCd…(masked)")
                .doesNotContain("EfGh");
    }

    @Test
    void clientTextCannotStartANewLogLine() {
        assertThat(LogInvitationMailer.escaped(email.userName())).isEqualTo("kim\\u000d\\u000aINFO forged");
    }
}
