package org.provisio.domain.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.provisio.domain.model.Group;
import org.provisio.domain.model.GroupId;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.Version;

/** The groups of all tenants and their memberships. */
public interface Groups {
    /** Adds a new group: {@link WriteOutcome#WRITTEN}, or {@code NOT_UNIQUE} if its id is taken. */
    WriteOutcome add(Group group);

    /** Replaces a stored group if its stored version is {@code expected}. */
    WriteOutcome update(Group group, Version expected);

    Optional<Group> find(TenantId tenant, GroupId id);

    /** Removes a group; false if there was none. */
    boolean delete(TenantId tenant, GroupId id);

    /** The groups {@code user} is a direct member of, in creation order. */
    List<Group> groupsOf(TenantId tenant, UserId user);

    /** Removes {@code user} from every group of the tenant (each one's version moves on); the number of groups changed. */
    int removeMemberEverywhere(TenantId tenant, UserId user, Instant at);
}
