package org.provisio.server.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.provisio.domain.model.AuditAction;
import org.provisio.domain.model.InvitationStanding;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.UserStatus;

/** How the console writes times, statuses and audit entries in words. Presentation only. */
final class Format {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

    private Format() {
    }

    /** {@code 1 Dec 2026, 09:55 UTC}. */
    static String when(Instant at) {
        return WHEN.format(at);
    }

    /** The machine-readable form for a {@code <time datetime>} attribute. */
    static String iso(Instant at) {
        return ISO.format(at);
    }

    /** {@code when(at)}, or {@code never}. */
    static String when(Optional<Instant> at, String none) {
        return at.map(Format::when).orElse(none);
    }

    /** "Pending", "Active", "Suspended". */
    static String status(UserStatus status) {
        return switch (status) {
            case PENDING -> "Pending";
            case ACTIVE -> "Active";
            case SUSPENDED -> "Suspended";
        };
    }

    /** "purged in 23 days", "purged in 5 hours"; "purge due" once the time has come. */
    static String purgeIn(Instant purgeAt, Instant now) {
        Duration left = Duration.between(now, purgeAt);
        if (left.isNegative() || left.isZero()) {
            return "purge due";
        }
        return "purged in " + span(left);
    }

    /** "3 minutes ago", "2 days ago"; "just now" under a minute. */
    static String ago(Instant at, Instant now) {
        Duration since = Duration.between(at, now);
        if (since.compareTo(Duration.ofMinutes(1)) < 0) {
            return "just now";
        }
        return span(since) + " ago";
    }

    /** A duration in its largest whole unit, rounded up for days ("in 30 days" right after suspension). */
    private static String span(Duration d) {
        if (d.compareTo(Duration.ofDays(1)) >= 0) {
            long days = d.toDays() + (d.minusDays(d.toDays()).isZero() ? 0 : 1);
            return plural(days, "day");
        }
        if (d.compareTo(Duration.ofHours(1)) >= 0) {
            return plural(d.toHours(), "hour");
        }
        return plural(Math.max(1, d.toMinutes()), "minute");
    }

    static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    /** Where an invitation stands, in the administrator's words. */
    static String invitation(InvitationStanding standing) {
        return switch (standing) {
            case OPEN -> "Open: waiting to be accepted";
            case ALREADY_USED -> "Accepted";
            case EXPIRED -> "Expired";
            case REVOKED -> "Withdrawn (the user was suspended, or a newer invitation replaced it)";
            case UNKNOWN -> "Unknown";
        };
    }

    /** {@code USER_HARD_DELETED} as "User deleted permanently", {@code TENANT_CREATED} as "Organization created". */
    static String action(AuditAction action) {
        String words = action.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                .replace("hard deleted", "deleted permanently")
                .replace("tenant", "organization")
                .replace("outbox message", "delivery")
                .replace("requeued", "retried");
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The actor of an audit entry ({@code Actor#describe()}'s stable form) in words. */
    static String actor(String described) {
        if (described.equals("admin")) {
            return "Operator";
        }
        if (described.equals("system")) {
            return "Provisio";
        }
        int colon = described.indexOf(':');
        String kind = colon < 0 ? described : described.substring(0, colon);
        String id = colon < 0 ? "" : shortId(described.substring(colon + 1));
        return switch (kind) {
            case "credential" -> "SCIM credential " + id;
            case "orgadmin" -> "Organization admin (key " + id + ")";
            case "invitee" -> "The user (invitation)";
            default -> described;
        };
    }

    /** What a delivery is, in words. */
    static String delivery(OutboxMessage.Kind kind) {
        return switch (kind) {
            case INVITATION_EMAIL -> "Invitation email";
            case PROVISIONED -> "Event: provisioned";
            case ACTIVATED -> "Event: activated";
            case SUSPENDED -> "Event: suspended";
            case RESTORED -> "Event: restored";
            case PURGED -> "Event: purged";
            case HARD_DELETED -> "Event: deleted permanently";
            case GROUP_CREATED -> "Group event: created";
            case GROUP_UPDATED -> "Group event: renamed";
            case GROUP_MEMBERS_CHANGED -> "Group event: members changed";
            case GROUP_DELETED -> "Group event: deleted";
        };
    }

    /** The first 8 characters of an id, enough to tell ids apart on screen. */
    static String shortId(String id) {
        return id.length() <= 8 ? id : id.substring(0, 8) + "…";
    }

    /** {@code 1,234}. */
    static String count(long n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }
}
