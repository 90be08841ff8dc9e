package org.provisio.server.console;

import java.util.Objects;

/** A one-line message shown at the top of the next page: what an action did, or why it was refused. */
record Notice(Kind kind, String text) {
    /** Success or refusal; the page styles and announces them differently. */
    enum Kind {
        SUCCESS, ERROR
    }

    Notice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    static Notice success(String text) {
        return new Notice(Kind.SUCCESS, text);
    }

    static Notice error(String text) {
        return new Notice(Kind.ERROR, text);
    }

    /** Whether this is a refusal (rendered with {@code role="alert"}). */
    boolean isError() {
        return kind == Kind.ERROR;
    }
}
