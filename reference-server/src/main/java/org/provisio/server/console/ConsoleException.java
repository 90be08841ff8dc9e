package org.provisio.server.console;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.function.Supplier;

/**
 * A console request that cannot be served — no such organization or user (or not this
 * administrator's), an operator-only page — answered with an HTML error page by {@link Mapper}.
 * An organization the administrator may not open is "not found", exactly like one that does not
 * exist, so that nothing tells one from the other.
 */
final class ConsoleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;

    private ConsoleException(int status, String title, String message) {
        super(message, null, false, false);
        this.status = status;
        this.title = title;
    }

    static ConsoleException notFound(String what) {
        return new ConsoleException(404, "Not found", "There is no such " + what + ", or it is not yours to see.");
    }

    /** Renders the error page. */
    static final class Mapper implements ExceptionMapper<ConsoleException> {
        private final Pages pages;
        private final Supplier<Paths> paths;

        Mapper(Pages pages, Supplier<Paths> paths) {
            this.pages = pages;
            this.paths = paths;
        }

        @Override
        public Response toResponse(ConsoleException e) {
            return pages.page(e.status, "error", new Views.ErrorPage(e.title, e.getMessage(), paths.get()));
        }
    }
}
