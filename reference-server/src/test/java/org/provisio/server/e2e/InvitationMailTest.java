package org.provisio.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.provisio.adapters.delivery.SmtpInvitationMailer;
import org.provisio.adapters.memory.InMemoryStore;
import org.provisio.domain.service.Deliveries;
import org.provisio.domain.usecase.DispatchOutbox;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.server.ServerFixture;
import org.provisio.testkit.MutableClock;

/**
 * Invitations by email end to end: Entra provisions over HTTP, the outbox dispatcher mails the
 * invitation through a real SMTP server (GreenMail), and the link in the mail works in a browser.
 */
class InvitationMailTest {
    private static final Pattern LINK = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/invitations/[A-Za-z0-9_-]+)");

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort()).withPerMethodLifecycle(true);

    private final MutableClock clock = MutableClock.at(java.time.Instant.parse("2026-11-29T10:00:00Z"));
    private ServerFixture server;
    private DispatchOutbox outbox;
    /** Whether the mail server is unreachable: mail then goes to a port nobody listens on. */
    private volatile boolean smtpDown;

    @BeforeEach
    void start() {
        server = ServerFixture.with(InMemoryStore.create(), clock, 1_048_576);
        SmtpInvitationMailer up = mailer(GREENMAIL.getSmtp().getPort());
        SmtpInvitationMailer down = mailer(closedPort());
        outbox = server.provisioning.dispatchOutbox(Deliveries.route(
                email -> (smtpDown ? down : up).send(email), List.of()));
    }

    private SmtpInvitationMailer mailer(int port) {
        return SmtpInvitationMailer.builder("127.0.0.1", port, server.base)
                .security(SmtpInvitationMailer.Security.NONE).from("no-reply@example.com").build();
    }

    private static int closedPort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String provision(String userName, boolean active) {
        HttpResponse<String> r = server.scim("POST", "/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"" + userName + "\",\"active\":" + active + ","
                + "\"emails\":[{\"value\":\"" + userName + "\",\"type\":\"work\",\"primary\":true}]}");
        assertThat(r.statusCode()).isEqualTo(201);
        return ServerFixture.json(r).getText("id").orElseThrow();
    }

    private void setActive(String id, boolean active) {
        assertThat(server.scim("PATCH", "/Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"" + (active ? "True" : "False") + "\"}]}")
                .statusCode()).isEqualTo(200);
    }

    private List<String> mailedLinks() {
        return java.util.Arrays.stream(GREENMAIL.getReceivedMessages()).map(m -> {
            Matcher matcher = LINK.matcher(GreenMailUtil.getBody(m));
            assertThat(matcher.find()).isTrue();
            return matcher.group(1);
        }).toList();
    }

    private HttpResponse<String> browser(String method, String url) {
        return server.send(method, url.substring(server.base.length()), null, null, "Accept", "text/html");
    }

    @Test
    void theInvitationArrivesAndItsLinkActivatesTheUser() throws Exception {
        String id = provision("kim@example.com", true);
        outbox.dispatchDue();

        MimeMessage[] mails = GREENMAIL.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("kim@example.com");
        assertThat(mails[0].getSubject()).isEqualTo("You are invited to join Acme");
        String link = mailedLinks().get(0);

        HttpResponse<String> page = browser("GET", link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Join Acme").contains("kim@example.com").contains("method=\"post\"");

        HttpResponse<String> accepted = browser("POST", link + "/accept");
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).contains("Welcome");
        assertThat(ServerFixture.json(server.scim("GET", "/Users/" + id, null)).getOrNull("active")).isEqualTo(BooleanValue.TRUE);
        assertThat(browser("GET", link).statusCode()).isEqualTo(409);
    }

    @Test
    void whileSmtpIsDownTheInvitationWaitsAndIsDeliveredOnceItIsBack() {
        provision("kim@example.com", true);
        smtpDown = true;
        outbox.dispatchDue();
        assertThat(GREENMAIL.getReceivedMessages()).isEmpty();
        smtpDown = false;
        outbox.dispatchDue();
        assertThat(GREENMAIL.getReceivedMessages()).as("not before its retry delay").isEmpty();
        clock.advance(Duration.ofMinutes(1));
        outbox.dispatchDue();
        assertThat(GREENMAIL.getReceivedMessages()).hasSize(1);
        clock.advance(Duration.ofHours(2));
        outbox.dispatchDue();
        assertThat(GREENMAIL.getReceivedMessages()).as("delivered once").hasSize(1);
    }

    @Test
    void aProvisioningThatWasRefusedSendsNothing() throws Exception {
        provision("kim@example.com", true);
        HttpResponse<String> again = server.scim("POST", "/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"KIM@example.com\",\"emails\":[{\"value\":\"other@example.com\"}]}");
        assertThat(again.statusCode()).isEqualTo(409);
        outbox.dispatchDue();
        assertThat(GREENMAIL.getReceivedMessages()).hasSize(1);
        assertThat(GREENMAIL.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("kim@example.com");
    }

    @Test
    void aSuspendedUsersLinkIsRefusedAndRestoringSendsAFreshOne() {
        String id = provision("kim@example.com", true);
        outbox.dispatchDue();
        String first = mailedLinks().get(0);
        setActive(id, false);
        assertThat(browser("GET", first).statusCode()).isEqualTo(410);
        assertThat(browser("POST", first + "/accept").statusCode()).isEqualTo(410);

        setActive(id, true);
        outbox.dispatchDue();
        List<String> links = mailedLinks();
        assertThat(links).hasSize(2);
        String fresh = links.get(1);
        assertThat(fresh).isNotEqualTo(first);
        assertThat(browser("POST", fresh + "/accept").statusCode()).isEqualTo(200);
    }

    @Test
    void resendingInvalidatesTheOldLink() {
        String id = provision("kim@example.com", true);
        outbox.dispatchDue();
        String first = mailedLinks().get(0);
        assertThat(server.send("POST", "/admin/v1/tenants/" + server.tenantId + "/users/" + id + "/invitation",
                ServerFixture.ADMIN_TOKEN, null).statusCode()).isEqualTo(202);
        outbox.dispatchDue();
        String second = mailedLinks().get(1);
        assertThat(browser("POST", first + "/accept").statusCode()).isEqualTo(410);
        assertThat(browser("POST", second + "/accept").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownLinkIsANotFoundPage() {
        HttpResponse<String> page = browser("GET", server.base + "/invitations/no-such-token");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("Invitation not found");
    }
}
