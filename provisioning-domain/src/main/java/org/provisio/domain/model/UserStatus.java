package org.provisio.domain.model;

import java.util.Locale;
import java.util.Optional;

/** The lifecycle status of a user, as an admin filters by it ({@code ?status=pending}). */
public enum UserStatus {
    PENDING, ACTIVE, SUSPENDED;

    /** The lower-case name used in the admin API. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status for a keyword in any case. */
    public static Optional<UserStatus> fromKeyword(String keyword) {
        for (UserStatus s : values()) {
            if (s.name().equalsIgnoreCase(keyword)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
