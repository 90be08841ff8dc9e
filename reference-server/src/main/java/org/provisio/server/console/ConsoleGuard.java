package org.provisio.server.console;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.glassfish.jersey.server.ContainerRequest;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.usecase.AdminKeys;
import org.provisio.jaxrs.http.AccessFilter;
import org.provisio.jaxrs.http.AccessLogFilter;
import org.provisio.jaxrs.http.RealmGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits a request to a {@link org.provisio.jaxrs.http.Realm#CONSOLE} resource. It needs the cookie
 * of a live session; for a state-changing method (anything but GET and HEAD) also the session's
 * CSRF token in the form field {@value #CSRF_FIELD}; and when the route names an organization
 * ({@code {tenantId}}), one the signed-in administrator may open — an organization admin only
 * its own, whatever the spelling of the path (the decoded path parameter routing extracted is
 * compared, as {@link AccessFilter} does). An organization admin's session ends as soon as its
 * key is revoked.
 *
 * <p>Without a session a page request is sent to the sign-in page, and anything else is refused
 * (403) without running; a missing or wrong CSRF token is refused (403); another organization is
 * "not found" (404). Admitted requests carry their session and the domain {@code Actor} as request
 * properties.
 */
final class ConsoleGuard implements RealmGuard {
    /** The request property holding the admitted {@link Sessions.Session}. */
    static final String SESSION_PROPERTY = "provisio.console.session";
    static final String CSRF_FIELD = "csrf";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD");
    private static final Logger LOG = LoggerFactory.getLogger("provisio.console");

    private final Sessions sessions;
    private final AdminKeys adminKeys;
    private final Pages pages;
    private final Supplier<Paths> paths;

    ConsoleGuard(Sessions sessions, AdminKeys adminKeys, Pages pages, Supplier<Paths> paths) {
        this.sessions = sessions;
        this.adminKeys = adminKeys;
        this.pages = pages;
        this.paths = paths;
    }

    @Override
    public void admit(ContainerRequestContext request) {
        boolean safe = SAFE_METHODS.contains(request.getMethod());
        Optional<Sessions.Session> found = session(request);
        if (found.isEmpty()) {
            request.abortWith(safe ? Pages.seeOther(paths.get().signIn())
                    : refused(403, "Signed out", "You are not signed in, or your session has ended. Sign in, then try "
                    + "again."));
            return;
        }
        Sessions.Session session = found.get();
        if (!safe && !session.csrfMatches(csrfField(request))) {
            LOG.warn("Console: {} {} refused: missing or wrong CSRF token ({})", request.getMethod(),
                    request.getUriInfo().getPath(), session.administrator().actor().describe());
            request.abortWith(refused(403, "Request refused", "This form is out of date or did not come from the "
                    + "console. Reload the page and try again."));
            return;
        }
        String tenantParameter = request.getUriInfo().getPathParameters(true).getFirst("tenantId");
        if (tenantParameter != null && !mayOpen(session.administrator(), tenantParameter)) {
            request.abortWith(refused(404, "Not found", "There is no such organization, or it is not yours to see."));
            return;
        }
        request.setProperty(SESSION_PROPERTY, session);
        request.setProperty(AccessFilter.ACTOR_PROPERTY, session.administrator().actor());
        request.setProperty(AccessLogFilter.TENANT_PROPERTY, tenantParameter == null ? "console" : tenantParameter);
    }

    /** The live session the request's cookie names; an organization admin's only while its key is unrevoked. */
    Optional<Sessions.Session> session(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(Console.SESSION_COOKIE);
        Optional<Sessions.Session> session = Optional.ofNullable(cookie).map(Cookie::getValue).flatMap(sessions::find);
        if (session.isPresent() && session.get().administrator() instanceof Administrator.OrganizationAdmin admin
                && !keyValid(admin)) {
            sessions.close(session.get());
            return Optional.empty();
        }
        return session;
    }

    private boolean keyValid(Administrator.OrganizationAdmin admin) {
        return adminKeys.list(admin.tenant(), true).stream()
                .anyMatch(k -> k.tokenId().equals(admin.admin().keyId()) && k.revokedAt().isEmpty());
    }

    private static boolean mayOpen(Administrator administrator, String tenantParameter) {
        return TenantId.parse(tenantParameter).map(administrator::mayOpen).orElse(false);
    }

    /** The CSRF field of a form body; null for any other body or none. */
    private static String csrfField(ContainerRequestContext request) {
        if (!(request instanceof ContainerRequest jersey)
                || !MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(request.getMediaType())) {
            return null;
        }
        try {
            // buffered, so that the resource's @FormParam reads the same body again
            jersey.bufferEntity();
            Form form = jersey.readEntity(Form.class);
            return form == null ? null : form.asMap().getFirst(CSRF_FIELD);
        } catch (ProcessingException | IllegalStateException e) {
            return null;
        }
    }

    private jakarta.ws.rs.core.Response refused(int status, String title, String message) {
        return pages.page(status, "error", new Views.ErrorPage(title, message, paths.get()));
    }
}
