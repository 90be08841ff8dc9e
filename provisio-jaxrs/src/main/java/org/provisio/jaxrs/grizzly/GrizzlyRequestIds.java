package org.provisio.jaxrs.grizzly;

import org.glassfish.grizzly.http.server.Request;
import org.provisio.jaxrs.http.RequestIdFilter;

/**
 * The {@code X-Request-Id} of an answer Grizzly gives itself (a body too large or too slow, a
 * malformed URI, a failure before Jersey ran): the id Jersey's {@link RequestIdFilter} gave the
 * request if it got that far (Jersey keeps request properties as Grizzly request attributes), else
 * the same rule — a well-formed incoming id is kept, anything else replaced.
 */
final class GrizzlyRequestIds {
    private GrizzlyRequestIds() {
    }

    static String of(Request request) {
        if (request.getAttribute(RequestIdFilter.PROPERTY) instanceof String assigned) {
            return assigned;
        }
        String id = RequestIdFilter.accept(request.getHeader(RequestIdFilter.HEADER)).value();
        request.setAttribute(RequestIdFilter.PROPERTY, id);
        return id;
    }
}
