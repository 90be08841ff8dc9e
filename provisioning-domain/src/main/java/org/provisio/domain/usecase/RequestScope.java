package org.provisio.domain.usecase;

import java.util.Objects;
import java.util.Optional;
import org.provisio.domain.model.RequestId;

/**
 * The request on whose behalf the use cases called on this thread run, so that the audit entries a
 * request leaves name it ({@link org.provisio.domain.model.AuditEntry#requestId()}). The edge opens a
 * scope when a request arrives and closes it when the answer is written; a use case captures the id
 * when it is called, on the caller's thread, and carries it with the change from there — also when
 * another thread's unit of work applies that change. Work that no request asked for (the purge, the
 * outbox dispatcher) runs outside any scope and records no id.
 *
 * <pre>{@code
 * try (RequestScope.Binding ignored = RequestScope.open(RequestId.of("4bf92f35-77b3"))) {
 *     provisioning.patchUser().patch(command);   // its audit entries carry 4bf92f35-77b3
 * }
 * }</pre>
 */
public final class RequestScope {
    private static final ThreadLocal<RequestId> CURRENT = new ThreadLocal<>();

    private RequestScope() {
    }

    /** Runs the use cases this thread calls on behalf of {@code id} until the binding is closed. */
    public static Binding open(RequestId id) {
        Objects.requireNonNull(id, "id");
        RequestId outer = CURRENT.get();
        CURRENT.set(id);
        return new Binding(outer);
    }

    /** The request the use cases of this thread run for, if any. */
    public static Optional<RequestId> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** An open scope; closing it restores the one it replaced (none, for the outermost). */
    public static final class Binding implements AutoCloseable {
        private final RequestId outer;

        private Binding(RequestId outer) {
            this.outer = outer;
        }

        @Override
        public void close() {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }
}
