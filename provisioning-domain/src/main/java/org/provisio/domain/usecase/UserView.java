package org.provisio.domain.usecase;

import java.util.List;
import java.util.Objects;
import org.provisio.domain.model.GroupHeader;
import org.provisio.domain.model.User;
import org.provisio.domain.model.UserWithGroups;
import org.provisio.scim.resource.ComplexValue;

/** A user together with the groups it belongs to: what a SCIM response shows. */
public record UserView(User user, List<GroupHeader> groups) {
    public UserView {
        Objects.requireNonNull(user, "user");
        groups = List.copyOf(groups);
    }

    /** The view of a user the store read with its groups. */
    public static UserView of(UserWithGroups read) {
        return new UserView(read.user(), read.groups());
    }

    /** The SCIM representation, without {@code meta.location}; see {@link User#toScim}. */
    public ComplexValue toScim() {
        return user.toScim(groups);
    }

    /** The version {@code If-Match} and the {@code ETag} speak of. */
    public org.provisio.domain.model.Version version() {
        return user.version();
    }
}
