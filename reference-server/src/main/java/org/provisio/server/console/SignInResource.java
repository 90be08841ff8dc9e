package org.provisio.server.console;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Optional;
import org.glassfish.grizzly.http.server.Request;
import org.provisio.domain.usecase.AdminKeys;
import org.provisio.jaxrs.http.Throttles;
import org.provisio.jaxrs.http.Guarded;
import org.provisio.jaxrs.http.Realm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /console/sign-in}: the operator signs in with the admin token, an organization's
 * administrator with one of its admin keys ({@code orgadmin_...}), which says by itself which
 * organization it opens. Open to anyone, like any sign-in page; what protects it:
 * <ul>
 * <li>the form carries a token that must equal a {@code SameSite=Strict} cookie set with the form
 * (a double-submit token: no other site can sign a browser in to an account of its choosing);</li>
 * <li>repeated failures from one address are slowed down ({@link SignInThrottle}): while shut out,
 * an attempt is refused (429) without the token being looked at;</li>
 * <li>a success opens a new server-side session under a fresh id (never one the browser brought).</li>
 * </ul>
 */
@Guarded(Realm.PUBLIC)
@Path("console/sign-in")
@Produces(Pages.HTML)
public final class SignInResource {
    static final String FORM_COOKIE = "provisio_console_signin";
    private static final Logger LOG = LoggerFactory.getLogger("provisio.console");

    /** Tells who a token signs in, if anyone. */
    static final class Verifier {
        private final byte[] adminTokenHash;
        private final AdminKeys adminKeys;

        Verifier(String adminToken, AdminKeys adminKeys) {
            this.adminTokenHash = sha256(adminToken);
            this.adminKeys = adminKeys;
        }

        Optional<Administrator> verify(String token) {
            // both checks run whatever the token looks like, so that timing says nothing about it
            boolean operator = MessageDigest.isEqual(adminTokenHash, sha256(token));
            Optional<Administrator> admin = adminKeys.signIn(token)
                    .map(s -> new Administrator.OrganizationAdmin(s.tenantId(), s.admin()));
            return operator ? Optional.of(new Administrator.Operator()) : admin;
        }

        private static byte[] sha256(String text) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }
    }

    private final Web web;
    private final Verifier verifier;
    private final SignInThrottle throttle;
    private final ConsoleGuard guard;

    SignInResource(Web web, Verifier verifier, SignInThrottle throttle, ConsoleGuard guard) {
        this.web = web;
        this.verifier = verifier;
        this.throttle = throttle;
        this.guard = guard;
    }

    @GET
    public Response form(@Context ContainerRequestContext request) {
        if (guard.session(request).isPresent()) {
            return Pages.seeOther(web.paths().home());
        }
        return form(200, Optional.empty());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("token") String token, @FormParam(ConsoleGuard.CSRF_FIELD) String formToken,
                           @CookieParam(FORM_COOKIE) String cookieToken,
                           @CookieParam(Console.SESSION_COOKIE) Cookie previous, @Context Request peer) {
        if (formToken == null || cookieToken == null || !MessageDigest.isEqual(
                formToken.getBytes(StandardCharsets.UTF_8), cookieToken.getBytes(StandardCharsets.UTF_8))) {
            return form(403, Optional.of("The sign-in form had expired. Please sign in again."));
        }
        // counted as the API counts failed authentications: an IPv6 client by its /64, so rotating addresses
        // inside one network gains nothing
        String address = Throttles.addressKey(peer == null ? null : peer.getRemoteAddr());
        Optional<Duration> wait = throttle.wait(address);
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds() + (wait.get().toMillisPart() > 0 ? 1 : 0));
            LOG.warn("Console sign-in from {} refused: shut out for {} s after repeated failures", address, seconds);
            return Response.fromResponse(form(429, Optional.of("Too many failed sign-ins from your address. Try "
                    + "again in " + Format.plural(seconds, "second") + "."))).header("Retry-After", seconds).build();
        }
        Optional<Administrator> who = Optional.ofNullable(token).map(String::strip).filter(t -> !t.isEmpty())
                .flatMap(verifier::verify);
        if (who.isEmpty()) {
            throttle.failed(address);
            LOG.warn("Console sign-in from {} failed: not the admin token nor an admin key", address);
            return form(401, Optional.of("That is not a valid admin token or organization admin key."));
        }
        throttle.succeeded(address);
        if (previous != null) {
            web.sessions.close(previous.getValue());
        }
        Sessions.Opened opened = web.sessions.open(who.get());
        LOG.info("Console sign-in: {} from {}", who.get().actor().describe(), address);
        return Response.status(Response.Status.SEE_OTHER)
                .header("Location", web.paths().home())
                .header("Set-Cookie", web.sessionCookie(opened.cookieValue()))
                .header("Set-Cookie", FORM_COOKIE + "=; Path=" + web.paths().signIn()
                        + "; Max-Age=0; HttpOnly; SameSite=Strict" + (web.secure() ? "; Secure" : ""))
                .build();
    }

    /** The form, with a fresh form token in the page and in its cookie. */
    private Response form(int status, Optional<String> error) {
        String formToken = web.sessions.randomToken();
        return Response.fromResponse(web.pages.page(status, "signin",
                        new Views.SignIn("Sign in", web.paths(), formToken, error)))
                .header("Set-Cookie", FORM_COOKIE + "=" + formToken + "; Path=" + web.paths().signIn()
                        + "; Max-Age=3600; HttpOnly; SameSite=Strict" + (web.secure() ? "; Secure" : ""))
                .build();
    }
}
