package org.provisio.domain.model;

import java.util.List;
import java.util.Objects;

/**
 * A user with the groups it is a member of (their headers, in the groups' creation order): what a
 * read of one user shows, read by the store together.
 */
public record UserWithGroups(User user, List<GroupHeader> groups) {
    public UserWithGroups {
        Objects.requireNonNull(user, "user");
        groups = List.copyOf(groups);
    }
}
