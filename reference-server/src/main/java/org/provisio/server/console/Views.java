package org.provisio.server.console;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What each template shows, already in words: the templates ({@code src/main/jte}) only lay it out,
 * and jte escapes every value for where it lands.
 */
final class Views {
    private Views() {
    }

    /** An organization as the frame names it. */
    record Org(String id, String name) {
    }

    /** Everything a signed-in page shares: title, who is signed in, the organization, the section, the notice. */
    record Frame(String title, Paths paths, String csrf, String who, boolean operator, Optional<Org> org,
                 String section, Optional<Notice> notice) {
        Frame {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(paths, "paths");
            Objects.requireNonNull(org, "org");
            Objects.requireNonNull(notice, "notice");
        }

        /** Whether the navigation entry of {@code name} is the current one. */
        boolean in(String name) {
            return section.equals(name);
        }
    }

    /** A labelled value. */
    record Field(String label, String value) {
    }

    /** The sign-in page. */
    record SignIn(String title, Paths paths, String csrf, Optional<String> error) {
    }

    /** An error page (no such organization or user, a refused request). */
    record ErrorPage(String title, String message, Paths paths) {
    }

    /** Organizations (operator only). */
    record OrganizationsPage(Frame frame, List<OrganizationRow> rows) {
    }

    record OrganizationRow(String name, String id, String created, String createdIso, String profile, String url) {
    }

    /** A status tab of the users list. */
    record Tab(String label, String url, boolean current) {
    }

    /** The users list of an organization. */
    record UsersPage(Frame frame, List<Tab> tabs, String status, String search, String action,
                     List<UserRow> rows, String range, Optional<String> previous, Optional<String> next,
                     String emptyText) {
    }

    record UserRow(String userName, String url, String status, String statusClass, String email, String purge,
                   String purgeTitle) {
    }

    /** One user with its actions. */
    record UserPage(Frame frame, String userName, String status, String statusClass, String email,
                    Optional<String> purgeNote, List<Field> facts, List<Field> profile, List<String> groups,
                    List<Field> invitation, List<AuditRow> trail, Optional<String> restoreUrl,
                    Optional<String> resendUrl, String deleteUrl) {
    }

    /** The confirmation before a permanent delete, naming the user. */
    record DeletePage(Frame frame, String userName, String status, String action, String cancelUrl) {
    }

    /** Settings &gt; User provisioning. */
    record ProvisioningPage(Frame frame, Optional<Issued> issued, String tenantUrl, String lastCall,
                            List<CredentialRow> credentials, String issueUrl) {
    }

    /** A credential just issued: shown once. */
    record Issued(String tenantUrl, String secretToken) {
    }

    record CredentialRow(String id, String created, String lastUsed, String status, boolean active,
                         String revokeUrl) {
    }

    /**
     * Settings &gt; Conformance: the organization's profile ({@code lenient} or {@code strict}), the address its
     * form posts to, and its client-deviation report.
     */
    record ConformancePage(Frame frame, boolean strict, String profileUrl, List<DeviationRow> deviations) {
    }

    /** One line of the client-deviation report, as the page shows it. */
    record DeviationRow(String kind, String description, String rule, boolean refused, String outcome, long count,
                        String firstSeen, String lastSeen, String example) {
    }

    /** Settings &gt; Admin keys. */
    record AdminKeysPage(Frame frame, Optional<String> issuedKey, List<CredentialRow> keys, String issueUrl,
                         String signInUrl) {
    }

    /** A line of the audit log. */
    record AuditRow(String when, String iso, String action, String actor, String target,
                    Optional<String> targetUrl, String detail) {
    }

    /** The audit log, newest first, one page. */
    record AuditPage(Frame frame, List<AuditRow> rows, String range, Optional<String> previous,
                     Optional<String> next) {
    }

    /** Deliveries: the outbox of the organization. */
    record DeliveriesPage(Frame frame, List<Field> depth, List<ParkedRow> parked) {
    }

    record ParkedRow(String id, String kind, String user, String userUrl, String created, String attempts,
                     String parkedAt, String lastError, String retryUrl) {
    }
}
