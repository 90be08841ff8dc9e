package org.provisio.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.provisio.adapters.memory.InMemoryStore;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.AuditAction;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.PageRequest;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.service.Provisioning;
import org.provisio.jaxrs.ProvisioFeature;
import org.provisio.server.ProvisioServer;
import org.provisio.server.RawHttp;
import org.provisio.server.ServerFixture;
import org.provisio.server.http.PathSpellings;
import org.provisio.server.TestUsers;

/**
 * The console's defences, tried directly against its routes over HTTP (no browser needed): the
 * headers of every page, the session cookie's attributes, sign-in's form token and throttling,
 * refusals of cookie-less and CSRF-less posts, session fixation and sign-out, an organization admin
 * key against every route of another organization (however the path is spelt), and the audit
 * entries of console actions naming the administrator who acted.
 */
class ConsoleSecurityTest {
    private static ServerFixture server;
    private static String other;
    private static String otherUser;
    private static String otherCredential;
    private static String otherKeyId;
    private static String otherMessage;
    private static String adminKey;
    private static String adminKeyId;

    @BeforeAll
    static void start() {
        server = ServerFixture.inMemory();
        TestUsers.create(server, "alice@acme.example", true);
        other = ServerFixture.json(server.send("POST", "/admin/v1/tenants", ServerFixture.ADMIN_TOKEN,
                "{\"name\":\"Beta Industries\"}")).getText("id").orElseThrow();
        String secret = ServerFixture.json(server.send("POST", "/admin/v1/tenants/" + other + "/credentials",
                ServerFixture.ADMIN_TOKEN, null)).getText("secretToken").orElseThrow();
        otherCredential = ((ComplexValue) ServerFixture.json(server.send("GET", "/admin/v1/tenants/" + other
                + "/credentials", ServerFixture.ADMIN_TOKEN, null)).getMulti("credentials").values().get(0))
                .getText("tokenId").orElseThrow();
        otherKeyId = ServerFixture.json(server.send("POST", "/admin/v1/tenants/" + other + "/admin-keys",
                ServerFixture.ADMIN_TOKEN, null)).getText("keyId").orElseThrow();
        HttpResponse<String> created = server.send("POST", "/scim/v2/" + other + "/Users", secret,
                TestUsers.body("beta.secret@beta.example", false));
        otherUser = ServerFixture.json(created).getText("id").orElseThrow();
        otherMessage = "no-such-message";
        var issued = ServerFixture.json(server.send("POST", "/admin/v1/tenants/" + server.tenantId + "/admin-keys",
                ServerFixture.ADMIN_TOKEN, null));
        adminKey = issued.getText("adminKey").orElseThrow();
        adminKeyId = issued.getText("keyId").orElseThrow();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String acme() {
        return "/console/organizations/" + server.tenantId;
    }

    /** Every page of an organization, and every form, as {@code [method, path]}. */
    private static List<String[]> routes(String org, String user, String credential, String key, String message) {
        String o = "/console/organizations/" + org;
        return List.of(
                new String[] {"GET", o},
                new String[] {"GET", o + "/users"},
                new String[] {"GET", o + "/users?status=suspended&q=beta"},
                new String[] {"GET", o + "/users/" + user},
                new String[] {"GET", o + "/users/" + user + "/delete"},
                new String[] {"GET", o + "/settings"},
                new String[] {"GET", o + "/settings/provisioning"},
                new String[] {"GET", o + "/settings/admin-keys"},
                new String[] {"GET", o + "/settings/conformance"},
                new String[] {"GET", o + "/audit"},
                new String[] {"GET", o + "/audit?page=2"},
                new String[] {"GET", o + "/deliveries"},
                new String[] {"POST", o + "/users/" + user + "/restore"},
                new String[] {"POST", o + "/users/" + user + "/delete"},
                new String[] {"POST", o + "/users/" + user + "/invitation"},
                new String[] {"POST", o + "/settings/provisioning/credentials"},
                new String[] {"POST", o + "/settings/provisioning/credentials/" + credential + "/revoke"},
                new String[] {"POST", o + "/settings/admin-keys"},
                new String[] {"POST", o + "/settings/admin-keys/" + key + "/revoke"},
                new String[] {"POST", o + "/settings/conformance/profile"},
                new String[] {"POST", o + "/deliveries/" + message + "/retry"});
    }

    private static List<String[]> otherRoutes() {
        List<String[]> all = new ArrayList<>(routes(other, otherUser, otherCredential, otherKeyId, otherMessage));
        all.add(new String[] {"GET", "/console/organizations"});
        all.add(new String[] {"POST", "/console/organizations"});
        return all;
    }

    /** What an attacker would like to change in the other organization, as it stands. */
    private static String otherState() {
        return ServerFixture.json(server.send("GET", "/admin/v1/tenants/" + other + "/users/" + otherUser,
                ServerFixture.ADMIN_TOKEN, null)).getText("status").orElse("gone")
                + " " + server.send("GET", "/admin/v1/tenants/" + other + "/credentials", ServerFixture.ADMIN_TOKEN, null).body()
                + " " + server.send("GET", "/admin/v1/tenants/" + other + "/admin-keys", ServerFixture.ADMIN_TOKEN, null).body()
                + " " + server.send("GET", "/admin/v1/tenants/" + other, ServerFixture.ADMIN_TOKEN, null).body()
                + " " + ServerFixture.json(server.send("GET", "/admin/v1/tenants", ServerFixture.ADMIN_TOKEN, null))
                .getMulti("tenants").size();
    }

    @Test
    void everyPageCarriesTheBrowserDefencesAndNoInlineScriptOrStyle() {
        ConsoleHttp operator = ConsoleHttp.signIn(server, ServerFixture.ADMIN_TOKEN);
        List<HttpResponse<String>> pages = new ArrayList<>();
        pages.add(ConsoleHttp.anonymous(server).get("/console/sign-in"));
        pages.add(operator.get("/console/organizations"));
        for (String[] route : routes(server.tenantId, "nobody", "x", "x", "x")) {
            if (route[0].equals("GET")) {
                pages.add(operator.get(route[1]));
            }
        }
        for (HttpResponse<String> page : pages) {
            String what = page.uri().getPath() + " " + page.statusCode();
            assertThat(page.headers().firstValue("Content-Security-Policy")).as(what)
                    .hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
            assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY).doesNotContain("unsafe-inline").doesNotContain("*")
                    .contains("frame-ancestors 'none'").contains("script-src 'self'").contains("style-src 'self'");
            assertThat(page.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
            assertThat(page.headers().firstValue("Referrer-Policy")).as(what).hasValue("no-referrer");
            assertThat(page.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
            if (page.statusCode() != 303) {
                assertThat(page.headers().firstValue("Cache-Control")).as(what).hasValue("no-store");
                assertThat(page.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("text/html");
                assertThat(page.body()).as(what).doesNotContain("<style").doesNotContain(" style=")
                        .doesNotContain("<script>").doesNotContain(" onclick=").doesNotContain("javascript:");
            }
        }
        HttpResponse<String> css = operator.get("/console/assets/console.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
        assertThat(operator.get("/console/assets/console.js").headers().firstValue("Content-Type").orElse(""))
                .startsWith("text/javascript");
        assertThat(operator.get("/console/assets/..%2Fconsole.css").statusCode()).isEqualTo(404);
        assertThat(operator.get("/console/assets/Console.class").statusCode()).isEqualTo(404);
    }

    @Test
    void theSessionCookieIsHttpOnlyStrictAndScopedToTheConsoleAndNewOnEverySignIn() {
        ConsoleHttp anonymous = ConsoleHttp.anonymous(server);
        HttpResponse<String> form = anonymous.get("/console/sign-in");
        String formCookie = ConsoleHttp.cookie(form, SignInResource.FORM_COOKIE).orElseThrow();
        // a session id planted beforehand (session fixation) is not the one the sign-in hands out
        HttpResponse<String> r = anonymous.send("POST", "/console/sign-in", ConsoleHttp.form(Map.of("token",
                        ServerFixture.ADMIN_TOKEN, "csrf", ConsoleHttp.csrfOf(form.body()).orElseThrow())),
                SignInResource.FORM_COOKIE + "=" + formCookie + "; " + Console.SESSION_COOKIE + "=planted-by-attacker");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/console");
        String header = ConsoleHttp.setCookie(r, Console.SESSION_COOKIE).orElseThrow();
        assertThat(header).contains("; HttpOnly").contains("; SameSite=Strict").contains("; Path=/console")
                .doesNotContain("Secure").doesNotContain("Max-Age").doesNotContain("Expires");
        String value = ConsoleHttp.cookie(r, Console.SESSION_COOKIE).orElseThrow();
        assertThat(value).isNotEqualTo("planted-by-attacker").hasSizeGreaterThanOrEqualTo(43);
        assertThat(anonymous.send("GET", "/console/organizations", null, Console.SESSION_COOKIE + "=planted-by-attacker")
                .statusCode()).isEqualTo(303);
        assertThat(anonymous.send("GET", "/console/organizations", null, Console.SESSION_COOKIE + "=" + value)
                .statusCode()).isEqualTo(200);

        ConsoleHttp second = ConsoleHttp.signIn(server, ServerFixture.ADMIN_TOKEN);
        assertThat(second.session()).isNotEqualTo(value);
    }

    @Test
    void signingOutEndsTheSessionOnTheServer() {
        ConsoleHttp operator = ConsoleHttp.signIn(server, ServerFixture.ADMIN_TOKEN);
        assertThat(operator.get("/console/organizations").statusCode()).isEqualTo(200);
        HttpResponse<String> out = operator.post("/console/sign-out");
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Location")).hasValue("/console/sign-in");
        assertThat(ConsoleHttp.setCookie(out, Console.SESSION_COOKIE).orElseThrow()).contains("Max-Age=0");
        // the browser forgets the cookie; whoever kept a copy has nothing either
        HttpResponse<String> after = operator.get("/console/organizations");
        assertThat(after.statusCode()).isEqualTo(303);
        assertThat(after.headers().firstValue("Location")).hasValue("/console/sign-in");
    }

    /**
     * The console's routes are guarded by the same mechanism as the API's, decided on what routing matched:
     * no respelling of any page or form (matrix parameters, encoded {@code ;} and {@code /}, upper case, dot
     * segments, doubled slashes) reaches it without a session — each is sent to sign in or refused — and the
     * other organization's data is untouched.
     */
    @Test
    void withoutASessionNoSpellingOfAPageOrFormReachesIt() {
        String before = otherState();
        List<String[]> all = new ArrayList<>(otherRoutes());
        all.add(new String[] {"GET", "/console"});
        for (String[] route : all) {
            String path = route[1].contains("?") ? route[1].substring(0, route[1].indexOf('?')) : route[1];
            for (String spelling : PathSpellings.of(path)) {
                RawHttp.Response r = route[0].equals("GET")
                        ? RawHttp.send(server.server.port(), "GET", spelling, null)
                        : postForm(spelling, "csrf=guess&name=Evil&profile=strict");
                assertThat(r.status()).as("%s %s -> %s", route[0], spelling, r).isBetween(300, 499);
                if (r.status() < 400) {
                    assertThat(r.headers().get("location")).as("%s %s", route[0], spelling).endsWith("/console/sign-in");
                }
                if (spelling.startsWith("/console;") || spelling.startsWith("/console/")) {
                    // routing reads the first segment as the console's: so do the browser defences
                    assertThat(r.headers().get("content-security-policy")).as("%s %s", route[0], spelling)
                            .isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
                }
            }
        }
        assertThat(otherState()).isEqualTo(before);
    }

    private static RawHttp.Response postForm(String target, String form) {
        byte[] body = form.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String head = "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.server.port()
                + "\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                + body.length + "\r\n\r\n";
        return RawHttp.exchange(server.server.port(), head.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), body);
    }

    @Test
    void withoutASessionPagesSendToSignInAndFormsAreRefusedUntouched() {
        String before = otherState();
        ConsoleHttp anonymous = ConsoleHttp.anonymous(server);
        List<String[]> all = new ArrayList<>(routes(server.tenantId, "nobody", "x", "x", "x"));
        all.addAll(otherRoutes());
        all.add(new String[] {"GET", "/console"});
        all.add(new String[] {"POST", "/console/sign-out"});
        for (String[] route : all) {
            HttpResponse<String> r = route[0].equals("GET") ? anonymous.get(route[1])
                    : anonymous.postRaw(route[1], Map.of("csrf", "guess", "name", "Evil"));
            if (route[0].equals("GET")) {
                assertThat(r.statusCode()).as(route[1]).isEqualTo(303);
                assertThat(r.headers().firstValue("Location")).as(route[1]).hasValue("/console/sign-in");
            } else {
                assertThat(r.statusCode()).as(route[1]).isEqualTo(403);
                assertThat(r.body()).contains("Sign in");
            }
        }
        assertThat(otherState()).isEqualTo(before);
    }

    @Test
    void formsWithoutTheSessionsCsrfTokenAreRefusedUntouched() {
        String before = otherState();
        ConsoleHttp operator = ConsoleHttp.signIn(server, ServerFixture.ADMIN_TOKEN);
        ConsoleHttp another = ConsoleHttp.signIn(server, ServerFixture.ADMIN_TOKEN);
        operator.get("/console/organizations");
        another.get("/console/organizations");
        for (String[] route : otherRoutes()) {
            if (!route[0].equals("POST")) {
                continue;
            }
            for (Map<String, String> fields : List.of(Map.<String, String>of(), Map.of("csrf", ""),
                    Map.of("csrf", "not-the-token"), Map.of("csrf", another.csrf()))) {
                HttpResponse<String> r = operator.postRaw(route[1], fields);
                assertThat(r.statusCode()).as(route[1] + " " + fields).isEqualTo(403);
                assertThat(r.body()).contains("Request refused");
            }
            // the right token in a body that is not a form is no form
            HttpResponse<String> json = operator.send("POST", route[1], null, Console.SESSION_COOKIE + "="
                    + operator.session());
            assertThat(json.statusCode()).as(route[1]).isEqualTo(403);
        }
        assertThat(otherState()).isEqualTo(before);
        // and with it, the operator may (the operator opens every organization)
        HttpResponse<String> ok = operator.post("/console/organizations/" + other + "/settings/provisioning/credentials");
        assertThat(ok.statusCode()).isEqualTo(201);
        assertThat(ok.body()).contains("scim_");
    }

    @Test
    void signInNeedsTheFormsOwnToken() {
        ConsoleHttp anonymous = ConsoleHttp.anonymous(server);
        HttpResponse<String> noCookie = anonymous.send("POST", "/console/sign-in",
                ConsoleHttp.form(Map.of("token", ServerFixture.ADMIN_TOKEN, "csrf", "x")), null);
        assertThat(noCookie.statusCode()).isEqualTo(403);
        assertThat(ConsoleHttp.cookie(noCookie, Console.SESSION_COOKIE)).isEmpty();
        HttpResponse<String> mismatch = anonymous.send("POST", "/console/sign-in",
                ConsoleHttp.form(Map.of("token", ServerFixture.ADMIN_TOKEN, "csrf", "x")),
                SignInResource.FORM_COOKIE + "=y");
        assertThat(mismatch.statusCode()).isEqualTo(403);
        assertThat(ConsoleHttp.cookie(mismatch, Console.SESSION_COOKIE)).isEmpty();
    }

    @Test
    void repeatedFailedSignInsFromOneAddressAreSlowedDown() throws InterruptedException {
        try (ServerFixture own = ServerFixture.inMemory()) {
            ConsoleHttp guesser = ConsoleHttp.anonymous(own);
            for (int i = 1; i <= SignInThrottle.FREE_FAILURES + 1; i++) {
                HttpResponse<String> r = guesser.attemptSignIn("guess-" + i);
                assertThat(r.statusCode()).as("guess %d", i).isEqualTo(401);
                assertThat(r.body()).contains("not a valid admin token");
            }
            // shut out now: even the right token is not looked at
            HttpResponse<String> refused = guesser.attemptSignIn(ServerFixture.ADMIN_TOKEN);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(refused.body()).contains("Too many failed sign-ins");
            assertThat(guesser.session()).isNull();
            Thread.sleep(1_100);
            assertThat(guesser.attemptSignIn("guess-again").statusCode()).isEqualTo(401);
            assertThat(guesser.attemptSignIn(ServerFixture.ADMIN_TOKEN).statusCode()).isEqualTo(429);
            Thread.sleep(2_100);
            assertThat(guesser.attemptSignIn(ServerFixture.ADMIN_TOKEN).statusCode()).isEqualTo(303);
            assertThat(guesser.session()).isNotNull();
        }
    }

    @Test
    void anAdminKeyReachesNoRouteOfAnotherOrganizationHoweverSpelt() {
        String before = otherState();
        ConsoleHttp key = ConsoleHttp.signIn(server, adminKey);
        HttpResponse<String> home = key.get("/console");
        assertThat(home.headers().firstValue("Location")).hasValue(acme() + "/users");
        assertThat(key.get(acme() + "/users").body()).contains("alice@acme.example").doesNotContain("Organizations<");
        for (String[] route : otherRoutes()) {
            for (String path : spellings(route[1])) {
                HttpResponse<String> r = route[0].equals("GET") ? key.get(path)
                        : key.post(path, Map.of("name", "Evil"));
                assertThat(r.statusCode()).as("%s %s", route[0], path).isIn(404, 405);
                assertThat(r.body()).as(path).doesNotContain("Beta Industries").doesNotContain("beta.secret");
            }
        }
        assertThat(otherState()).isEqualTo(before);
        // and the admin API says the same
        assertThat(server.send("GET", "/admin/v1/tenants/" + other + "/users", adminKey, null).statusCode())
                .isEqualTo(401);
    }

    /** The path as given, and as an attacker might respell it. */
    private static List<String> spellings(String path) {
        int query = path.indexOf('?');
        String p = query < 0 ? path : path.substring(0, query);
        String q = query < 0 ? "" : path.substring(query);
        List<String> out = new ArrayList<>(List.of(path, p + "/" + q, p.replace("/organizations/", "/organizations;x=1/") + q,
                p.replace("/organizations/", "//organizations/") + q, p.replace("/console/", "/console/./") + q));
        if (p.contains(other)) {
            out.add(p.replace(other, other + ";jsessionid=1") + q);
            out.add(p.replace(other, "%" + Integer.toHexString(other.charAt(0)) + other.substring(1)) + q);
        }
        return out;
    }

    @Test
    void revokingAnAdminKeyEndsItsSessionsAtOnce() {
        var issued = ServerFixture.json(server.send("POST", "/admin/v1/tenants/" + server.tenantId + "/admin-keys",
                ServerFixture.ADMIN_TOKEN, null));
        ConsoleHttp key = ConsoleHttp.signIn(server, issued.getText("adminKey").orElseThrow());
        assertThat(key.get(acme() + "/users").statusCode()).isEqualTo(200);
        assertThat(server.send("DELETE", "/admin/v1/tenants/" + server.tenantId + "/admin-keys/"
                + issued.getText("keyId").orElseThrow(), ServerFixture.ADMIN_TOKEN, null).statusCode()).isEqualTo(204);
        HttpResponse<String> after = key.get(acme() + "/users");
        assertThat(after.statusCode()).isEqualTo(303);
        assertThat(after.headers().firstValue("Location")).hasValue("/console/sign-in");
        assertThat(ConsoleHttp.anonymous(server).attemptSignIn(issued.getText("adminKey").orElseThrow()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void everyConsoleActionIsAuditedWithTheAdministratorWhoActed() {
        String user = TestUsers.id(TestUsers.create(server, "audited." + System.nanoTime() + "@acme.example", true));
        ConsoleHttp key = ConsoleHttp.signIn(server, adminKey);
        key.get(acme() + "/users/" + user);
        assertThat(key.post(acme() + "/users/" + user + "/invitation").statusCode()).isEqualTo(303);
        assertThat(key.get(acme() + "/users/" + user).body()).contains("A new invitation is on its way");
        assertThat(key.post(acme() + "/settings/provisioning/credentials").statusCode()).isEqualTo(201);
        ConsoleHttp operator = ConsoleHttp.signIn(server, ServerFixture.ADMIN_TOKEN);
        operator.get(acme() + "/users/" + user);
        assertThat(operator.post(acme() + "/users/" + user + "/delete").statusCode()).isEqualTo(303);
        assertThat(operator.post("/console/organizations", Map.of("name", "Audited Org")).statusCode()).isEqualTo(303);

        // (after a permanent delete the entries no longer name the user: their actions and actors stay)
        List<AuditEntry> log = server.provisioning.readAuditLog().read(TenantId.of(server.tenantId),
                PageRequest.first(PageRequest.MAX_COUNT)).items();
        Actor keyAdmin = Actor.parse("orgadmin:" + adminKeyId);
        assertThat(log).as("resend invitation by the key").anyMatch(e -> e.action() == AuditAction.INVITATION_ISSUED
                && e.actor().equals(keyAdmin));
        assertThat(log).as("Get Credentials by the key").anyMatch(e -> e.action() == AuditAction.CREDENTIAL_ISSUED
                && e.actor().equals(keyAdmin));
        assertThat(log).as("delete by the operator").anyMatch(e -> e.action() == AuditAction.USER_HARD_DELETED
                && e.actor().equals(Actor.admin()));
        String created = ServerFixture.json(server.send("GET", "/admin/v1/tenants", ServerFixture.ADMIN_TOKEN, null))
                .getMulti("tenants").values().stream().map(v -> (ComplexValue) v)
                .filter(t -> t.getText("name").orElse("").equals("Audited Org")).findFirst().orElseThrow()
                .getText("id").orElseThrow();
        assertThat(server.provisioning.readAuditLog().read(TenantId.of(created), PageRequest.first(10)).items())
                .anyMatch(e -> e.action() == AuditAction.TENANT_CREATED && e.actor().equals(Actor.admin()));
        // and the console's audit log page says who, in words
        String page = operator.get(acme() + "/audit").body();
        assertThat(page).contains("Organization admin (key " + Format.shortId(adminKeyId) + ")").contains("Operator");
    }

    @Test
    void behindAPrefixOverHttpsTheCookiesAreSecureAndEveryPathKeepsThePrefix() {
        Provisioning provisioning = Provisioning.builder(InMemoryStore.create()).build();
        String publicUrl = "https://id.example.com/provisio";
        ProvisioFeature.Builder features = ProvisioFeature.builder(provisioning, publicUrl)
                .adminToken(ServerFixture.ADMIN_TOKEN).standalone();
        Console.install(features, provisioning, ServerFixture.ADMIN_TOKEN, () -> publicUrl);
        ProvisioServer https = ProvisioServer.start(features.build(), "127.0.0.1", 0);
        try {
            // the reverse proxy strips /provisio; the pages must still name it
            RawHttp.Response form = RawHttp.send(https.port(), "GET", "/console/sign-in", null);
            assertThat(form.status()).isEqualTo(200);
            assertThat(form.body()).contains("action=\"/provisio/console/sign-in\"")
                    .contains("href=\"/provisio/console/assets/console.css\"");
            assertThat(form.headers().get("set-cookie")).contains("; Secure").contains("Path=/provisio/console/sign-in");
            String formCookie = form.headers().get("set-cookie").replaceAll("^[^=]+=([^;]*);.*$", "$1");
            String body = ConsoleHttp.form(Map.of("token", ServerFixture.ADMIN_TOKEN,
                    "csrf", ConsoleHttp.csrfOf(form.body()).orElseThrow()));
            RawHttp.Response signedIn = RawHttp.exchange(https.port(), ("POST /console/sign-in HTTP/1.1\r\n"
                    + "Host: id.example.com\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Cookie: " + SignInResource.FORM_COOKIE + "=" + formCookie + "\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                    body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(303);
            assertThat(signedIn.headers().get("location")).isEqualTo("/provisio/console");
        } finally {
            https.close();
        }
    }
}
