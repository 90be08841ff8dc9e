package org.provisio.jaxrs.scim;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.GroupId;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.Version;
import org.provisio.domain.usecase.Outcome;
import org.provisio.domain.usecase.RequestConformance;
import org.provisio.jaxrs.http.ConformanceFilter;
import org.provisio.jaxrs.http.Refusals;
import org.provisio.scim.message.EntityTag;
import java.util.OptionalLong;
import org.provisio.scim.conformance.Conformance;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.filter.FilterConformance;
import org.provisio.scim.query.SearchRequest;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.schema.ResourceSchema;
import org.provisio.jaxrs.http.AccessFilter;

/** Small translations from HTTP request parts to domain values, shared by the SCIM resources. */
final class ScimRequests {
    private ScimRequests() {
    }

    static Actor actor(ContainerRequestContext request) {
        return AccessFilter.actor(request);
    }

    /** The conformance the request is held to, by its tenant's profile. */
    static RequestConformance conformance(ContainerRequestContext request) {
        return ConformanceFilter.check(request);
    }

    /** The query of the query string, its tolerances (and those of its filter) asked of {@code conformance}. */
    static SearchRequest search(UriInfo uri, ResourceSchema schema, Conformance conformance) {
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        return checked(SearchRequest.fromParameters(q::getFirst, ScimResponses.DEFAULT_COUNT,
                ScimResponses.MAX_COUNT, conformance), schema, conformance);
    }

    /** The query of a {@code POST .search} body, its tolerances asked of {@code conformance}. */
    static SearchRequest search(ComplexValue body, ResourceSchema schema, Conformance conformance) {
        return checked(SearchRequest.fromBody(ScimResponses.requireBody(body), ScimResponses.DEFAULT_COUNT,
                ScimResponses.MAX_COUNT, conformance), schema, conformance);
    }

    private static SearchRequest checked(SearchRequest search, ResourceSchema schema, Conformance conformance) {
        search.optionalFilter().ifPresent(f -> FilterConformance.check(f, schema, conformance));
        return search;
    }

    /** How many tenants' ids {@link #tenant} keeps; past that it starts again. */
    static final int KNOWN_TENANTS = 10_000;
    private static final ConcurrentHashMap<String, TenantId> TENANTS = new ConcurrentHashMap<>();

    /**
     * The tenant of the path; the authentication filter has already checked it. One instance per
     * tenant, so that what requests store (users, invitations, audit entries, messages: in the
     * in-memory store, for as long as they live) shares it instead of holding a copy of the id each,
     * 96 bytes a user. Only authenticated requests get here, and the map is bounded all the same.
     */
    static TenantId tenant(String tenantId) {
        TenantId known = TENANTS.get(tenantId);
        if (known != null) {
            return known;
        }
        TenantId parsed = TenantId.of(tenantId);
        if (TENANTS.size() >= KNOWN_TENANTS) {
            TENANTS.clear();
        }
        TenantId raced = TENANTS.putIfAbsent(tenantId, parsed);
        return raced == null ? parsed : raced;
    }

    /** A user id from the path; one that cannot be an id names no user: 404. */
    static UserId userId(String id) {
        try {
            return UserId.of(id);
        } catch (IllegalArgumentException e) {
            throw ScimException.notFound("User " + id + " not found");
        }
    }

    /** A group id from the path; one that cannot be an id names no group: 404. */
    static GroupId groupId(String id) {
        try {
            return GroupId.of(id);
        } catch (IllegalArgumentException e) {
            throw ScimException.notFound("Group " + id + " not found");
        }
    }

    /**
     * The version named by {@code If-Match}: empty when absent or {@code *}; a value that names no
     * version of ours can never match, so it is a 412 (RFC 7644 §3.14).
     */
    static Optional<Version> ifMatch(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return Optional.empty();
        }
        String first = header.split(",")[0].trim();
        OptionalLong version = EntityTag.version(first);
        if (version.isEmpty()) {
            throw ScimException.preconditionFailed("If-Match " + first + " does not match the current version");
        }
        return Optional.of(Version.of(version.getAsLong()));
    }

    /** Whether an {@code If-None-Match} header matches the current version (weak comparison, RFC 7232 §3.2). */
    static boolean noneMatchHits(String header, Version current) {
        if (header == null || header.isBlank()) {
            return false;
        }
        for (String part : header.split(",")) {
            String p = part.trim();
            if (p.equals("*")) {
                return true;
            }
            OptionalLong named = EntityTag.version(p);
            if (named.isPresent() && named.getAsLong() == current.value()) {
                return true;
            }
        }
        return false;
    }

    /** The result of a use case, or the SCIM error of its refusal. */
    static <T> T done(Outcome<T> outcome) {
        return outcome.orElseThrow(Refusals::toScim);
    }
}
