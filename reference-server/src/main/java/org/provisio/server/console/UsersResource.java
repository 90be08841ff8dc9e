package org.provisio.server.console;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.GroupHeader;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.Tenant;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.UserQuery;
import org.provisio.domain.model.UserStatus;
import org.provisio.domain.usecase.DeleteUser;
import org.provisio.domain.usecase.ListUsersByStatus;
import org.provisio.domain.usecase.ResendInvitation;
import org.provisio.domain.usecase.RestoreUser;
import org.provisio.domain.usecase.UserSummary;
import org.provisio.domain.usecase.UserView;
import org.provisio.jaxrs.http.Guarded;
import org.provisio.jaxrs.http.Realm;
import org.provisio.scim.filter.CompareOperator;
import org.provisio.scim.filter.Filter;
import org.provisio.scim.path.AttributePath;
import org.provisio.scim.resource.StringValue;

/**
 * {@code /console/organizations/{tenantId}/users}: the users of an organization by status (tabs
 * Pending, Active, Suspended, All), searched by userName, name or email and paged by the store;
 * one user's page with its profile, groups, invitation and audit trail; and the actions Restore,
 * Delete permanently (after a confirmation naming the user) and Resend invitation.
 */
@Guarded(Realm.CONSOLE)
@Path("console/organizations/{tenantId}/users")
@Produces(Pages.HTML)
public final class UsersResource {
    /** Users per page. */
    static final int PAGE_SIZE = 50;
    /** Entries of a user's audit trail shown on its page. */
    static final int TRAIL_SIZE = 50;
    private static final int MAX_SEARCH = 200;

    private final Web web;

    UsersResource(Web web) {
        this.web = web;
    }

    @GET
    public Response list(@PathParam("tenantId") String tenantId, @QueryParam("status") String statusParameter,
                         @QueryParam("q") String searchParameter, @QueryParam("page") String pageParameter,
                         @Context ContainerRequestContext request) {
        Sessions.Session session = Web.session(request);
        Tenant tenant = web.tenant(session, tenantId);
        String t = tenant.id().value();
        Optional<UserStatus> status = Optional.ofNullable(statusParameter).flatMap(UserStatus::fromKeyword);
        String statusKeyword = status.map(UserStatus::keyword).orElse("");
        String stripped = searchParameter == null ? "" : searchParameter.strip();
        String search = stripped.length() > MAX_SEARCH ? stripped.substring(0, MAX_SEARCH) : stripped;
        int page = pageNumber(pageParameter, PAGE_SIZE);
        Page<UserSummary> users = web.provisioning.listUsersByStatus().list(new ListUsersByStatus.Command(tenant.id(),
                status, Optional.of(search), PageRequest.of((page - 1) * PAGE_SIZE + 1, PAGE_SIZE)));
        Map<UserId, String> emails = emails(tenant.id(), users.items());
        Paths paths = web.paths();
        Instant now = web.now();
        List<Views.UserRow> rows = users.items().stream().map(u -> new Views.UserRow(u.userName(),
                paths.user(t, u.id().value()), Format.status(u.status()), u.status().keyword(),
                emails.getOrDefault(u.id(), ""),
                u.purgeAt().map(at -> Format.purgeIn(at, now)).orElse(""),
                u.purgeAt().map(at -> "Purged on " + Format.when(at)).orElse(""))).toList();
        List<Views.Tab> tabs = new ArrayList<>();
        tabs.add(new Views.Tab("All", paths.users(t, "", search, 1), status.isEmpty()));
        for (UserStatus s : UserStatus.values()) {
            tabs.add(new Views.Tab(Format.status(s), paths.users(t, s.keyword(), search, 1),
                    status.equals(Optional.of(s))));
        }
        String title = status.map(s -> Format.status(s) + " users").orElse("Users");
        return web.pages.page("users", new Views.UsersPage(web.frame(session, title, Optional.of(tenant), "users"),
                tabs, statusKeyword, search, paths.users(t), rows, range(users, "user", "users"),
                page > 1 ? Optional.of(paths.users(t, statusKeyword, search, page - 1)) : Optional.empty(),
                (long) page * PAGE_SIZE < users.totalResults()
                        ? Optional.of(paths.users(t, statusKeyword, search, page + 1)) : Optional.empty(),
                emptyText(users, status, search)));
    }

    private static String emptyText(Page<UserSummary> users, Optional<UserStatus> status, String search) {
        if (users.totalResults() > 0) {
            return "This page is past the last one.";
        }
        if (!search.isEmpty()) {
            return "No user matches \u201c" + search + "\u201d.";
        }
        return "No " + status.map(s -> Format.status(s).toLowerCase(Locale.ROOT) + " ").orElse("") + "users yet.";
    }

    @GET
    @Path("{userId}")
    public Response user(@PathParam("tenantId") String tenantId, @PathParam("userId") String userId,
                         @Context ContainerRequestContext request) {
        Sessions.Session session = Web.session(request);
        Tenant tenant = web.tenant(session, tenantId);
        UserId id = Web.userId(userId);
        ListUsersByStatus.Details details = web.provisioning.listUsersByStatus().details(tenant.id(), id)
                .orElseThrow(() -> ConsoleException.notFound("user"));
        UserSummary summary = details.summary();
        String t = tenant.id().value();
        Paths paths = web.paths();
        Instant now = web.now();
        List<Views.Field> facts = new ArrayList<>();
        facts.add(new Views.Field("User id", summary.id().value()));
        details.view().user().externalId().ifPresent(e -> facts.add(new Views.Field("External id", e)));
        facts.add(new Views.Field("Provisioned", Format.when(summary.createdAt())));
        facts.add(new Views.Field("Last changed", Format.when(summary.lastModifiedAt())));
        summary.suspendedAt().ifPresent(at -> facts.add(new Views.Field("Suspended", Format.when(at))));
        summary.purgeAt().ifPresent(at -> facts.add(new Views.Field("Purged on", Format.when(at) + " ("
                + Format.purgeIn(at, now) + ")")));
        List<Views.Field> invitation = details.invitation().map(i -> List.of(
                new Views.Field("Standing", Format.invitation(i.standing())),
                new Views.Field("Sent", Format.when(i.issuedAt())),
                new Views.Field("Valid until", Format.when(i.expiresAt())))).orElse(List.of());
        Page<AuditEntry> trail = web.provisioning.readAuditLog().read(tenant.id(),
                Optional.of(AuditEntry.targetOf(id)), PageRequest.first(TRAIL_SIZE));
        UserStatus status = summary.status();
        return web.pages.page("user", new Views.UserPage(
                web.frame(session, summary.userName(), Optional.of(tenant), "users"),
                summary.userName(), Format.status(status), status.keyword(),
                details.view().user().email().orElse(""),
                summary.purgeAt().map(at -> "Suspended: all data is kept until " + Format.when(at) + " ("
                        + Format.purgeIn(at, now) + "), then deleted for good. Restore brings the user back."),
                facts, Profile.rows(details.view()),
                details.view().groups().stream().map(GroupHeader::displayName).toList(),
                invitation, trail.items().stream().map(e -> ActivityRows.audit(e, t, paths)).toList(),
                status == UserStatus.SUSPENDED ? Optional.of(paths.restore(t, id.value())) : Optional.empty(),
                status == UserStatus.PENDING ? Optional.of(paths.resendInvitation(t, id.value())) : Optional.empty(),
                paths.delete(t, id.value())));
    }

    @POST
    @Path("{userId}/restore")
    public Response restore(@PathParam("tenantId") String tenantId, @PathParam("userId") String userId,
                            @Context ContainerRequestContext request) {
        Sessions.Session session = Web.session(request);
        Tenant tenant = web.tenant(session, tenantId);
        UserId id = Web.userId(userId);
        String back = web.paths().user(tenant.id().value(), id.value());
        return web.provisioning.restoreUser().restore(new RestoreUser.Command(tenant.id(), id,
                        session.administrator().actor()))
                .fold(view -> Web.done(session, Notice.success("Restored " + view.user().userName().value() + ": "
                                + Format.status(view.user().status()) + " again, with all of their data."), back),
                        refusal -> Web.done(session, Notice.error(Web.say(refusal)), back));
    }

    /** The confirmation page: it names the user, and only its form deletes. */
    @GET
    @Path("{userId}/delete")
    public Response confirmDelete(@PathParam("tenantId") String tenantId, @PathParam("userId") String userId,
                                  @Context ContainerRequestContext request) {
        Sessions.Session session = Web.session(request);
        Tenant tenant = web.tenant(session, tenantId);
        UserId id = Web.userId(userId);
        UserSummary summary = web.provisioning.listUsersByStatus().find(tenant.id(), id)
                .orElseThrow(() -> ConsoleException.notFound("user"));
        Paths paths = web.paths();
        return web.pages.page("delete", new Views.DeletePage(
                web.frame(session, "Delete " + summary.userName() + " permanently", Optional.of(tenant), "users"),
                summary.userName(), Format.status(summary.status()), paths.delete(tenant.id().value(), id.value()),
                paths.user(tenant.id().value(), id.value())));
    }

    @POST
    @Path("{userId}/delete")
    public Response delete(@PathParam("tenantId") String tenantId, @PathParam("userId") String userId,
                           @Context ContainerRequestContext request) {
        Sessions.Session session = Web.session(request);
        Tenant tenant = web.tenant(session, tenantId);
        UserId id = Web.userId(userId);
        String name = web.provisioning.listUsersByStatus().find(tenant.id(), id).map(UserSummary::userName)
                .orElse(id.value());
        String t = tenant.id().value();
        return web.provisioning.deleteUser().delete(new DeleteUser.Command(tenant.id(), id,
                        session.administrator().actor(), Optional.empty()))
                .fold(deleted -> Web.done(session, Notice.success("Deleted " + name + " permanently."),
                                web.paths().users(t)),
                        refusal -> Web.done(session, Notice.error(Web.say(refusal)), web.paths().users(t)));
    }

    @POST
    @Path("{userId}/invitation")
    public Response resend(@PathParam("tenantId") String tenantId, @PathParam("userId") String userId,
                           @Context ContainerRequestContext request) {
        Sessions.Session session = Web.session(request);
        Tenant tenant = web.tenant(session, tenantId);
        UserId id = Web.userId(userId);
        String back = web.paths().user(tenant.id().value(), id.value());
        return web.provisioning.resendInvitation().resend(new ResendInvitation.Command(tenant.id(), id,
                        session.administrator().actor()))
                .fold(resent -> Web.done(session, Notice.success("A new invitation is on its way; it is valid until "
                                + Format.when(resent.expiresAt()) + ". The previous link no longer works."), back),
                        refusal -> Web.done(session, Notice.error(Web.say(refusal)), back));
    }

    /**
     * The email of each listed user, read in one query of the domain ({@code id eq ... or id eq ...}):
     * the list's summaries do not carry it, and one read per row would not stay fast.
     */
    private Map<UserId, String> emails(TenantId tenant, List<UserSummary> users) {
        if (users.isEmpty()) {
            return Map.of();
        }
        List<Filter> ids = users.stream().<Filter>map(u -> new Filter.Compare(AttributePath.of("id"),
                CompareOperator.EQ, StringValue.of(u.id().value()))).toList();
        Page<UserView> views = web.provisioning.queryUsers().query(tenant,
                UserQuery.filtered(balancedOr(ids), PageRequest.first(users.size())));
        Map<UserId, String> out = new HashMap<>();
        for (UserView v : views.items()) {
            v.user().email().ifPresent(e -> out.put(v.user().id(), e));
        }
        return out;
    }

    /** {@code a or b or c...} as a balanced tree, so that no evaluator recurses deeper than a few levels. */
    private static Filter balancedOr(List<Filter> filters) {
        if (filters.size() == 1) {
            return filters.get(0);
        }
        int mid = filters.size() / 2;
        return new Filter.Or(balancedOr(filters.subList(0, mid)), balancedOr(filters.subList(mid, filters.size())));
    }

    /** The 1-based page number of a query parameter; anything else is the first page. */
    static int pageNumber(String parameter, int pageSize) {
        if (parameter == null) {
            return 1;
        }
        try {
            int page = Integer.parseInt(parameter.strip());
            return page < 1 || page > Integer.MAX_VALUE / pageSize - 1 ? 1 : page;
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** "1–50 of 1,234 users"; "0 users" when the page is empty. */
    static String range(Page<?> page, String one, String many) {
        String noun = page.totalResults() == 1 ? one : many;
        if (page.items().isEmpty()) {
            return Format.count(page.totalResults()) + " " + noun;
        }
        long first = page.startIndex();
        long last = first + page.items().size() - 1;
        return Format.count(first) + "\u2013" + Format.count(last) + " of " + Format.count(page.totalResults()) + " "
                + noun;
    }
}
