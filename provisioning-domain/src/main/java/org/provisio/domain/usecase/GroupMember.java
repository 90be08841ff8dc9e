package org.provisio.domain.usecase;

import java.util.Objects;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.UserName;

/** A member of a group as SCIM shows it: {@code {"value": "<user id>", "display": "<userName>", "type": "User"}}. */
public record GroupMember(UserId id, UserName userName) {
    public GroupMember {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userName, "userName");
    }
}
