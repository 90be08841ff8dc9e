package org.provisio.server.console;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.provisio.domain.model.Tenant;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;
import org.provisio.domain.service.Provisioning;
import org.provisio.domain.usecase.Refusal;

/**
 * What the console's resources share: the domain, the templates, the session of the request, the
 * organization a route names (checked against who is signed in), the frame of every page, and the
 * cookies. Nothing here decides a business question; refusals come from the domain and are put in
 * words by {@link #say(Refusal)}.
 */
final class Web {
    final Provisioning provisioning;
    final Pages pages;
    final Sessions sessions;
    private final Supplier<Paths> paths;
    private final Supplier<String> publicUrl;
    private final Clock clock;

    Web(Provisioning provisioning, Pages pages, Sessions sessions, Supplier<Paths> paths, Supplier<String> publicUrl,
        Clock clock) {
        this.provisioning = provisioning;
        this.pages = pages;
        this.sessions = sessions;
        this.paths = paths;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    Paths paths() {
        return paths.get();
    }

    /** The public base URL, without a trailing slash. */
    String publicUrl() {
        String url = publicUrl.get();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    Instant now() {
        return clock.instant();
    }

    /** The session {@link ConsoleGuard} admitted this request with. */
    static Sessions.Session session(ContainerRequestContext request) {
        Object session = request.getProperty(ConsoleGuard.SESSION_PROPERTY);
        if (!(session instanceof Sessions.Session s)) {
            throw new IllegalStateException("console request without an admitted session");
        }
        return s;
    }

    /**
     * The organization {@code tenantId} names, when the signed-in administrator may open it: the
     * guard checked it already; this is the second lock on the same door, and finds the tenant.
     */
    Tenant tenant(Sessions.Session session, String tenantId) {
        TenantId id = TenantId.parse(tenantId).orElseThrow(() -> ConsoleException.notFound("organization"));
        if (!session.administrator().mayOpen(id)) {
            throw ConsoleException.notFound("organization");
        }
        return provisioning.listTenants().find(id).orElseThrow(() -> ConsoleException.notFound("organization"));
    }

    /** Pages only the operator sees: an organization admin gets "not found", as for another organization. */
    static void operatorOnly(Sessions.Session session) {
        if (!(session.administrator() instanceof Administrator.Operator)) {
            throw ConsoleException.notFound("page");
        }
    }

    static UserId userId(String text) {
        try {
            return UserId.of(text);
        } catch (IllegalArgumentException e) {
            throw ConsoleException.notFound("user");
        }
    }

    /** The frame of a page of {@code tenant} (empty: the operator's pages), with the notice kept for it. */
    Views.Frame frame(Sessions.Session session, String title, Optional<Tenant> tenant, String section) {
        Administrator who = session.administrator();
        return new Views.Frame(title, paths(), session.csrfToken(), who.label(), who instanceof Administrator.Operator,
                tenant.map(t -> new Views.Org(t.id().value(), t.name())), section, session.takeNotice());
    }

    /** After a POST: the notice for the next page, and a 303 to {@code path}. */
    static Response done(Sessions.Session session, Notice notice, String path) {
        session.notice(notice);
        return Pages.seeOther(path);
    }

    /** {@code Set-Cookie} of a new session. */
    String sessionCookie(String value) {
        return Console.SESSION_COOKIE + "=" + value + "; Path=" + paths().console() + "; HttpOnly; SameSite=Strict"
                + (secure() ? "; Secure" : "");
    }

    /** {@code Set-Cookie} that removes the session cookie. */
    String clearedSessionCookie() {
        return Console.SESSION_COOKIE + "=; Path=" + paths().console() + "; Max-Age=0; HttpOnly; SameSite=Strict"
                + (secure() ? "; Secure" : "");
    }

    boolean secure() {
        return publicUrl.get().regionMatches(true, 0, "https:", 0, 6);
    }

    /** A refusal of the domain, in the administrator's words. */
    static String say(Refusal refusal) {
        return refusal.accept(new Refusal.Visitor<>() {
            @Override
            public String notFound(Refusal.NotFound r) {
                return "There is no such " + r.kind() + " any more.";
            }

            @Override
            public String versionMismatch(Refusal.VersionMismatch r) {
                return "Someone changed this in the meantime. Reload and try again.";
            }

            @Override
            public String notUnique(Refusal.NotUnique r) {
                return "The " + r.attribute() + " \u201c" + r.value() + "\u201d is already taken.";
            }

            @Override
            public String wrongStatus(Refusal.WrongStatus r) {
                return "Not possible: the user is " + Format.status(r.status()) + ", and this needs a "
                        + Format.status(r.required()) + " user.";
            }

            @Override
            public String retentionElapsed(Refusal.RetentionElapsed r) {
                return "The user can no longer be restored: the retention period ended on " + Format.when(r.purgeAt())
                        + ".";
            }

            @Override
            public String invitationClosed(Refusal.InvitationClosed r) {
                return "The invitation can no longer be accepted: " + Format.invitation(r.standing()) + ".";
            }
        });
    }
}
