package org.provisio.jaxrs.admin;

import java.util.Optional;
import java.util.function.Supplier;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.Tenant;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.UserStatus;
import org.provisio.domain.usecase.ListTenants;
import org.provisio.scim.error.ScimException;

/** Reading the admin API's path and query parameters; a bad one is 400 {@code invalidValue}, an unknown id 404. */
final class AdminRequests {
    private AdminRequests() {
    }

    /** The tenant of the path, which must exist. */
    static Tenant tenant(ListTenants tenants, String tenantId) {
        TenantId id = parse(() -> TenantId.of(tenantId), "tenant", tenantId);
        return tenants.find(id).orElseThrow(() -> notFound("tenant", tenantId));
    }

    static UserId userId(String userId) {
        return parse(() -> UserId.of(userId), "user", userId);
    }

    static <T> T parse(Supplier<T> parser, String what, String text) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw notFound(what, text);
        }
    }

    static ScimException notFound(String what, String id) {
        return ScimException.notFound("No " + what + " " + id);
    }

    /** {@code startIndex} (default 1, at least 1) and {@code count} (default 100, 0 to 1000). */
    static PageRequest page(String startIndex, String count) {
        int start = integer("startIndex", startIndex, 1);
        int n = integer("count", count, 100);
        if (start < 1) {
            throw ScimException.invalidValue("\"startIndex\" must be at least 1");
        }
        if (n < 0 || n > 1000) {
            throw ScimException.invalidValue("\"count\" must be between 0 and 1000");
        }
        return PageRequest.of(start, n);
    }

    /** {@code status}: absent, or pending, active or suspended in any case. */
    static Optional<UserStatus> status(String status) {
        if (status == null || status.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(UserStatus.fromKeyword(status.trim()).orElseThrow(
                () -> ScimException.invalidValue("\"status\" must be pending, active or suspended")));
    }

    private static int integer(String name, String text, int absent) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw ScimException.invalidValue("\"" + name + "\" must be a whole number");
        }
    }
}
