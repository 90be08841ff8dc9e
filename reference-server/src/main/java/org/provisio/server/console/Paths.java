package org.provisio.server.console;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * Every address the console links, posts or redirects to, as a path from the server's root: the
 * public URL's own path ({@code https://example.com/provisio}) comes first, so that the console
 * works behind a reverse proxy that mounts Provisio under a prefix. Paths, not URLs: the browser
 * stays on the host it used, and no redirect names a host the administrator did not type.
 */
record Paths(String console) {
    /** The console's paths for a public URL such as {@code https://id.example.com/provisio}. */
    static Paths of(String publicUrl) {
        String path = URI.create(publicUrl).getRawPath();
        if (path == null) {
            path = "";
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new Paths(path + "/console");
    }

    String home() {
        return console;
    }

    String signIn() {
        return console + "/sign-in";
    }

    String signOut() {
        return console + "/sign-out";
    }

    String asset(String name) {
        return console + "/assets/" + name;
    }

    String organizations() {
        return console + "/organizations";
    }

    String organization(String tenant) {
        return organizations() + "/" + segment(tenant);
    }

    String users(String tenant) {
        return organization(tenant) + "/users";
    }

    /** The users list with a status tab ("" for all), a search text ("" for none) and a page (1 is the first). */
    String users(String tenant, String status, String search, int page) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        if (!status.isEmpty()) {
            query.add("status=" + query(status));
        }
        if (!search.isEmpty()) {
            query.add("q=" + query(search));
        }
        if (page > 1) {
            query.add("page=" + page);
        }
        return users(tenant) + query;
    }

    String user(String tenant, String user) {
        return users(tenant) + "/" + segment(user);
    }

    String restore(String tenant, String user) {
        return user(tenant, user) + "/restore";
    }

    String delete(String tenant, String user) {
        return user(tenant, user) + "/delete";
    }

    String resendInvitation(String tenant, String user) {
        return user(tenant, user) + "/invitation";
    }

    String provisioning(String tenant) {
        return organization(tenant) + "/settings/provisioning";
    }

    String credentials(String tenant) {
        return provisioning(tenant) + "/credentials";
    }

    String revokeCredential(String tenant, String tokenId) {
        return credentials(tenant) + "/" + segment(tokenId) + "/revoke";
    }

    String adminKeys(String tenant) {
        return organization(tenant) + "/settings/admin-keys";
    }

    String revokeAdminKey(String tenant, String keyId) {
        return adminKeys(tenant) + "/" + segment(keyId) + "/revoke";
    }

    /** Settings &gt; Conformance: the profile and the client-deviation report. */
    String conformance(String tenant) {
        return organization(tenant) + "/settings/conformance";
    }

    String conformanceProfile(String tenant) {
        return conformance(tenant) + "/profile";
    }

    String audit(String tenant) {
        return organization(tenant) + "/audit";
    }

    String audit(String tenant, int page) {
        return page > 1 ? audit(tenant) + "?page=" + page : audit(tenant);
    }

    String deliveries(String tenant) {
        return organization(tenant) + "/deliveries";
    }

    String retry(String tenant, String messageId) {
        return deliveries(tenant) + "/" + segment(messageId) + "/retry";
    }

    /** A path segment, percent-encoded (ids are plain already; this keeps any other value in its segment). */
    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
