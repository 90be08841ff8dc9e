package org.provisio.domain.service;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.provisio.domain.model.UserId;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.NullValue;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.resource.Value;

/** Reading the {@code members} elements a client sends: {@code {"value": "<user id>", "type": "User"}}. */
final class GroupMembers {
    private GroupMembers() {
    }

    /**
     * The ids of member elements. A group as a member ({@code "type": "Group"}) is refused: Provisio
     * groups hold users only. For a removal, a value that cannot be an id is skipped: it names no member.
     */
    static Set<UserId> ids(List<Value> items, boolean forRemoval) {
        Set<UserId> out = new LinkedHashSet<>();
        for (Value item : items) {
            if (item == null || item == NullValue.INSTANCE) {
                continue;
            }
            if (!(item instanceof ComplexValue c)) {
                throw ScimException.invalidValue("Each element of \"members\" must be an object such as {\"value\":\"<user id>\"}");
            }
            Value type = c.getOrNull("type");
            if (type instanceof StringValue t && t.value().equalsIgnoreCase("Group")) {
                throw ScimException.invalidValue("Groups cannot be members of groups here; \"members\" holds users only");
            }
            Value v = c.getOrNull("value");
            if (!(v instanceof StringValue s) || s.value().isBlank()) {
                throw ScimException.invalidValue("Each element of \"members\" needs a \"value\": the user's id");
            }
            parseId(s.value(), forRemoval).ifPresent(out::add);
        }
        return out;
    }

    /** A user id; one that cannot be an id is {@code invalidValue}, or skipped ({@code lenient}). */
    static Optional<UserId> parseId(String value, boolean lenient) {
        try {
            return Optional.of(UserId.of(value));
        } catch (IllegalArgumentException e) {
            if (lenient) {
                return Optional.empty();
            }
            throw ScimException.invalidValue("The member \"" + value + "\" is not a user of this tenant");
        }
    }
}
