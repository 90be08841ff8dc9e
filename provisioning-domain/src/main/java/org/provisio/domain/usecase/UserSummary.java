package org.provisio.domain.usecase;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.provisio.domain.model.Suspended;
import org.provisio.domain.model.User;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.UserStatus;

/** A user as the admin API lists it: status and, when suspended, when it was suspended and will be purged. */
public record UserSummary(UserId id, String userName, UserStatus status, Optional<Instant> suspendedAt,
                          Optional<Instant> purgeAt, Instant createdAt, Instant lastModifiedAt) {
    public UserSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(suspendedAt, "suspendedAt");
        Objects.requireNonNull(purgeAt, "purgeAt");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastModifiedAt, "lastModifiedAt");
    }

    public static UserSummary of(User user) {
        Optional<Suspended> s = user.state() instanceof Suspended sus ? Optional.of(sus) : Optional.empty();
        return new UserSummary(user.id(), user.userName().value(), user.status(),
                s.map(Suspended::suspendedAt), s.map(Suspended::purgeAt), user.createdAt(), user.lastModifiedAt());
    }
}
