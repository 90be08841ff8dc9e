package org.provisio.server.console;

import java.util.Optional;
import org.provisio.domain.model.AuditEntry;

/** An audit entry as a row of the audit log or of a user's trail. */
final class ActivityRows {
    private ActivityRows() {
    }

    static Views.AuditRow audit(AuditEntry e, String tenant, Paths paths) {
        String target = e.target();
        Optional<String> url = Optional.empty();
        String shown = target;
        if (target.startsWith("user:")) {
            String user = target.substring("user:".length());
            url = Optional.of(paths.user(tenant, user));
            shown = "User " + Format.shortId(user);
        } else if (target.startsWith("credential:")) {
            shown = "Credential " + Format.shortId(target.substring("credential:".length()));
        } else if (target.startsWith("adminkey:")) {
            shown = "Admin key " + Format.shortId(target.substring("adminkey:".length()));
        } else if (target.startsWith("group:")) {
            shown = "Group " + Format.shortId(target.substring("group:".length()));
        } else if (target.startsWith("tenant:")) {
            shown = "Organization";
        }
        return new Views.AuditRow(Format.when(e.at()), Format.iso(e.at()), Format.action(e.action()),
                Format.actor(e.actor().describe()), shown, url, e.detail());
    }
}
