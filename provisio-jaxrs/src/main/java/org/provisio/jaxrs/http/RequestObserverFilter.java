package org.provisio.jaxrs.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.lang.reflect.Method;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.provisio.domain.model.Actor;

/**
 * Times every request and tells a {@link RequestObserver} about it, labelled by what routing
 * matched rather than by the path: the resource is derived once per resource method from its
 * {@code @Path} templates ({@code scim/v2/{tenantId}/Users/{id}} gives {@code Users},
 * {@code admin/v1/tenants/{tenantId}/users} gives {@code admin}) and remembered, so that a request
 * costs a map lookup. The tenant is passed on only when its SCIM credential authenticated the
 * request, so that no caller can make up new label values. Register it with
 * {@code ProvisioFeature.Builder#register}.
 */
@PreMatching
@Priority(Integer.MIN_VALUE)
public final class RequestObserverFilter implements ContainerRequestFilter, ContainerResponseFilter {
    /** What {@link RequestObserver} is given when routing matched no resource method. */
    public static final String UNMATCHED = "unmatched";
    private static final String START = "provisio.observed.start";
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private final RequestObserver observer;
    private final ConcurrentMap<Method, String> resources = new ConcurrentHashMap<>();

    @Context
    private ResourceInfo matched;

    public RequestObserverFilter(RequestObserver observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(START, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object start = request.getProperty(START);
        long nanos = start instanceof Long s ? System.nanoTime() - s : 0;
        String method = request.getMethod();
        Object tenant = request.getProperty(AccessFilter.ACTOR_PROPERTY) instanceof Actor.Credential
                ? request.getProperty(AccessLogFilter.TENANT_PROPERTY) : null;
        observer.completed(resource(), METHODS.contains(method) ? method : "OTHER", response.getStatus(),
                tenant instanceof String t ? t : null, nanos);
    }

    private String resource() {
        Method method = matched == null ? null : matched.getResourceMethod();
        Class<?> type = method == null ? null : matched.getResourceClass();
        if (type == null) {
            return UNMATCHED;
        }
        return resources.computeIfAbsent(method, m -> resourceOf(type, m));
    }

    /** The resource a method of {@code type} serves, from the class's and the method's {@code @Path}. */
    static String resourceOf(Class<?> type, Method method) {
        String[] segments = (template(type.getAnnotation(Path.class)) + "/" + template(method.getAnnotation(Path.class)))
                .replaceAll("/+", "/").replaceAll("^/|/$", "").split("/");
        if (segments.length >= 3 && segments[0].equals("scim") && segments[1].equals("v2") && isVariable(segments[2])) {
            return segments.length > 3 && !isVariable(segments[3]) ? segments[3] : "scim";
        }
        return segments[0].isEmpty() || isVariable(segments[0]) ? "other" : segments[0];
    }

    private static String template(Path path) {
        return path == null ? "" : path.value();
    }

    private static boolean isVariable(String segment) {
        return segment.startsWith("{");
    }
}
