package org.provisio.domain.usecase;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.provisio.domain.model.GroupHeader;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.resource.Value;

/**
 * A group as a SCIM response shows it: its header and, when they were asked for, its members
 * (empty when the caller excluded them, e.g. {@code excludedAttributes=members}, so that a large
 * group is never read for nothing).
 */
public record GroupView(GroupHeader group, Optional<List<GroupMember>> members) {
    public GroupView {
        Objects.requireNonNull(group, "group");
        members = Objects.requireNonNull(members, "members").map(List::copyOf);
    }

    /**
     * The SCIM representation without {@code meta.location} and {@code members.$ref}, which the
     * HTTP edge adds: {@code schemas}, {@code id}, {@code externalId}, {@code displayName},
     * {@code members} (if loaded and not empty) and {@code meta}.
     */
    public ComplexValue toScim() {
        List<Value> out = new ArrayList<>();
        for (GroupMember m : members.orElse(List.of())) {
            out.add(ComplexValue.of("value", StringValue.of(m.id().value()),
                    "display", StringValue.of(m.userName().value()), "type", StringValue.of("User")));
        }
        return group.toScim(out);
    }

    /** The version {@code If-Match} and the {@code ETag} speak of. */
    public org.provisio.domain.model.Version version() {
        return group.version();
    }
}
