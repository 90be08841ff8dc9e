package org.provisio.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.server.ServerFixture;

/**
 * The console end to end in a real headless Chromium (Debian's {@code chromium} with its
 * {@code chromium-driver}), against a real server: what an administrator does, page by page,
 * with the words on screen the documentation uses. One browser and one server for the class;
 * each test works in organizations of its own. Skipped, with a message saying why, only where
 * {@code /usr/bin/chromium} is absent.
 */
class ConsoleBrowserTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final int PHONE = 360;
    private static final int DESKTOP = 1280;

    private static ServerFixture server;
    private static Browser browser;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(Browser.available(), Browser.MISSING);
        // one failed delivery parks a message, so that Deliveries has something to retry
        server = ServerFixture.inMemory(b -> b.outboxMaxAttempts(1));
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void freshBrowserState() {
        browser.driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        browser.viewport(DESKTOP, 900, false);
    }

    @Test
    void operatorGetsCredentialsAndEntraProvisionsSuspendsRestoresAndDeletesAUser() {
        signIn(ServerFixture.ADMIN_TOKEN);
        assertThat(browser.text("h1")).isEqualTo("Organizations");

        String organization = "Contoso " + suffix();
        browser.find("#name").sendKeys(organization);
        browser.clickAndWait("Create organization");
        assertThat(browser.text("h1")).isEqualTo("User provisioning");
        assertThat(browser.text(".notice.success")).contains(organization).contains("created");
        assertThat(browser.text("nav.main .org")).isEqualTo(organization);

        // Settings > User provisioning > Get Credentials: Tenant URL and Secret Token, shown once
        browser.clickAndWait("Get Credentials");
        String tenantUrl = browser.find("#tenant-url").getDomProperty("value");
        String secret = browser.find("#secret-token").getDomProperty("value");
        assertThat(tenantUrl).startsWith(server.base + "/scim/v2/");
        assertThat(secret).startsWith("scim_");
        assertThat(browser.text(".issued")).contains("Provisioning Mode: Automatic").contains("Test Connection")
                .contains("shown only this once");
        browser.find("button[data-copy='secret-token']").click();
        browser.find("#secret-token-status");
        assertThat(browser.driver.findElement(By.id("secret-token-status")).getText()).isNotBlank();
        browser.screenshot("get-credentials-desktop");

        // Entra ID with what the page showed: Test Connection, create, then unassign (active "False")
        HttpResponse<String> test = scim("GET", tenantUrl + "/Users?filter="
                + URLEncoder.encode("userName eq \"" + UUID.randomUUID() + "\"", StandardCharsets.UTF_8), secret, null);
        assertThat(test.statusCode()).isEqualTo(200);
        String userName = "ada.lovelace." + suffix() + "@contoso.example";
        HttpResponse<String> created = scim("POST", tenantUrl + "/Users", secret, entraUser(userName, "Ada", "Lovelace"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String userId = ServerFixture.json(created).getText("id").orElseThrow();

        browser.clickAndWait("Users");
        browser.clickAndWait("Pending");
        WebElement row = row(userName);
        assertThat(row.findElement(By.cssSelector(".badge")).getText()).isEqualTo("Pending");
        assertThat(row.getText()).contains(userName);
        browser.screenshot("users-pending-desktop");

        HttpResponse<String> disabled = scim("PATCH", tenantUrl + "/Users/" + userId, secret, "{\"schemas\":[\""
                + PATCH + "\"],\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]}");
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);

        browser.clickAndWait("Suspended");
        row = row(userName);
        assertThat(row.findElement(By.cssSelector(".badge")).getText()).isEqualTo("Suspended");
        assertThat(row.findElement(By.cssSelector(".purge")).getText()).isEqualTo("purged in 30 days");
        assertThat(row.findElement(By.cssSelector(".purge")).getAttribute("title")).startsWith("Purged on ");
        browser.screenshot("users-suspended-desktop");

        browser.clickAndWait(row.findElement(By.linkText(userName)));
        assertThat(browser.text("h1")).isEqualTo(userName);
        assertThat(browser.text(".summary .badge")).isEqualTo("Suspended");
        assertThat(browser.text(".callout")).contains("purged in 30 days").contains("Restore");
        assertThat(browser.text("main")).contains("name.givenName").contains("Ada").contains("Enterprise.employeeNumber");
        browser.screenshot("user-suspended-desktop");

        browser.clickAndWait("Restore");
        assertThat(browser.text(".notice.success")).contains("Restored " + userName);
        assertThat(browser.text(".summary .badge")).isEqualTo("Pending");
        assertThat(browser.text("main")).contains("Resend invitation");
        browser.clickAndWait("Resend invitation");
        assertThat(browser.text(".notice.success")).contains("new invitation");

        browser.clickAndWait("Delete permanently");
        assertThat(browser.text("h1")).isEqualTo("Delete " + userName + " permanently?");
        browser.screenshot("delete-confirm-desktop");
        browser.clickAndWait("Delete " + userName + " permanently");
        assertThat(browser.text(".notice.success")).isEqualTo("Deleted " + userName + " permanently.");
        assertThat(browser.driver.findElements(By.linkText(userName))).isEmpty();
        assertThat(scim("GET", tenantUrl + "/Users/" + userId, secret, null).statusCode()).isEqualTo(404);

        // the SCIM endpoint's last call, and the audit log naming the operator for each console action
        browser.clickAndWait("Settings");
        assertThat(browser.text(".last-call")).doesNotStartWith("Never");
        assertThat(browser.text("table.credentials")).doesNotContain("Never");
        browser.clickAndWait("Audit log");
        String audit = browser.text("table.audit");
        assertThat(audit).contains("User deleted permanently").contains("User restored").contains("User suspended")
                .contains("User provisioned").contains("Credential issued").contains("Organization created");
        assertThat(browser.driver.findElements(By.xpath("//tr[td[normalize-space(.)='User deleted permanently']]"
                + "/td[@data-label='Who']"))).extracting(WebElement::getText).containsOnly("Operator");
        browser.screenshot("audit-desktop");

        browser.clickAndWait("Sign out");
        assertThat(browser.text("h1")).isEqualTo("Sign in");
        browser.open(server.base + "/console/organizations");
        assertThat(browser.text("h1")).isEqualTo("Sign in");
    }

    @Test
    void aUserNameOfScriptIsShownAsText() {
        String evil = "<script>alert(1)</script>";
        HttpResponse<String> r = server.scim("POST", "/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"" + evil.replace("/", "\\/") + "\",\"active\":true,"
                + "\"name\":{\"givenName\":\"<img src=x onerror=alert(2)>\"},"
                + "\"emails\":[{\"type\":\"work\",\"primary\":true,\"value\":\"\\\"><b>x</b>@evil.example\"}]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        signIn(ServerFixture.ADMIN_TOKEN);
        browser.open(server.base + "/console/organizations/" + server.tenantId + "/users?q=" + URLEncoder.encode(evil,
                StandardCharsets.UTF_8));
        WebElement link = browser.driver.findElement(By.linkText(evil));
        assertThat(link.getText()).isEqualTo(evil);
        assertThat(browser.find("#q").getAttribute("value")).isEqualTo(evil);
        browser.clickAndWait(link);
        assertThat(browser.text("h1")).isEqualTo(evil);
        assertThat(browser.text("main")).contains("<img src=x onerror=alert(2)>").contains("\"><b>x</b>@evil.example");
        assertThatThrownBy(() -> browser.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.driver.getPageSource()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(browser.driver.findElements(By.cssSelector("main script, main img, main b"))).isEmpty();
        assertThat(browser.driver.findElements(By.tagName("script"))).hasSize(1);
        browser.screenshot("user-xss-desktop");
    }

    @Test
    void anOrganizationAdminKeySeesItsOwnOrganizationAndNothingOfAnother() {
        String mine = createOrganization("Northwind " + suffix());
        String other = createOrganization("Fabrikam " + suffix());
        String mySecret = credential(mine);
        String otherSecret = credential(other);
        String myUser = "nancy." + suffix() + "@northwind.example";
        String otherUser = "secret.agent." + suffix() + "@fabrikam.example";
        String otherUserId = createUser(other, otherSecret, otherUser, true);
        createUser(mine, mySecret, myUser, true);

        // the operator issues the key in Settings > Admin keys
        signIn(ServerFixture.ADMIN_TOKEN);
        browser.open(server.base + "/console/organizations/" + mine + "/settings/admin-keys");
        browser.clickAndWait("Issue admin key");
        String key = browser.find("#admin-key").getDomProperty("value");
        assertThat(key).startsWith("orgadmin_");
        browser.screenshot("admin-keys-desktop");

        signIn(key);
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(server.base + "/console/organizations/" + mine + "/users");
        assertThat(browser.text(".role")).isEqualTo("Organization admin");
        assertThat(browser.driver.findElements(By.linkText("Organizations"))).isEmpty();
        assertThat(browser.driver.findElements(By.linkText(myUser))).hasSize(1);
        browser.screenshot("org-admin-users-desktop");

        for (String path : List.of("/console/organizations", "/console/organizations/" + other,
                "/console/organizations/" + other + "/users", "/console/organizations/" + other + "/users/" + otherUserId,
                "/console/organizations/" + other + "/settings/provisioning",
                "/console/organizations/" + other + "/audit", "/console/organizations/" + other + "/deliveries")) {
            browser.open(server.base + path);
            assertThat(browser.text("h1")).as(path).isEqualTo("Not found");
            assertThat(browser.driver.getPageSource()).as(path).doesNotContain(otherUser).doesNotContain("Fabrikam");
        }
        browser.screenshot("not-found-desktop");

        // the same session, straight at the routes: with its own CSRF token, still nothing of the other
        browser.open(server.base + "/console/organizations/" + mine + "/users");
        String session = browser.driver.manage().getCookieNamed(Console.SESSION_COOKIE).getValue();
        String csrf = ConsoleHttp.csrfOf(browser.driver.getPageSource()).orElseThrow();
        String o = "/console/organizations/" + other;
        for (String path : List.of(o + "/users/" + otherUserId + "/delete", o + "/users/" + otherUserId + "/restore",
                o + "/users/" + otherUserId + "/invitation", o + "/settings/provisioning/credentials",
                o + "/settings/admin-keys", "/console/organizations")) {
            HttpResponse<String> r = post(path, session, Map.of("csrf", csrf, "name", "Evil"));
            assertThat(r.statusCode()).as(path).isEqualTo(404);
        }
        assertThat(server.send("GET", "/admin/v1/tenants/" + other + "/users/" + otherUserId, key, null).statusCode())
                .isEqualTo(401);
        HttpResponse<String> still = server.send("GET", "/admin/v1/tenants/" + other + "/users/" + otherUserId,
                ServerFixture.ADMIN_TOKEN, null);
        assertThat(ServerFixture.json(still).getText("status")).hasValue("pending");
        assertThat(ServerFixture.json(server.send("GET", "/admin/v1/tenants/" + other + "/credentials",
                ServerFixture.ADMIN_TOKEN, null)).getMulti("credentials").size()).isEqualTo(1);
    }

    @Test
    void aParkedMessageIsRetried() {
        String org = createOrganization("Litware " + suffix());
        String secret = credential(org);
        String userName = "grace." + suffix() + "@litware.example";
        createUser(org, secret, userName, true);
        // the mail server refuses: with one attempt allowed, the invitation is parked at once
        for (int i = 0; i < 5; i++) {
            server.provisioning.dispatchOutbox((OutboxMessage m) -> {
                throw new IllegalStateException("550 5.1.1 mailbox unavailable at smtp.litware.example");
            }).dispatchDue();
        }
        signIn(ServerFixture.ADMIN_TOKEN);
        browser.open(server.base + "/console/organizations/" + org + "/deliveries");
        WebElement parked = browser.driver.findElement(By.xpath("//table[contains(@class,'parked')]//tr[td[normalize-space(.)='Invitation email']]"));
        assertThat(parked.getText()).contains(userName).contains("550 5.1.1 mailbox unavailable");
        String before = browser.driver.findElement(By.xpath("//dl[@class='stats']/div[dt='Parked']/dd")).getText();
        browser.screenshot("deliveries-desktop");

        browser.clickAndWait(parked.findElement(By.xpath(".//button[normalize-space(.)='Retry']")));
        assertThat(browser.text(".notice.success")).isEqualTo("Invitation email queued for another attempt.");
        String after = browser.driver.findElement(By.xpath("//dl[@class='stats']/div[dt='Parked']/dd")).getText();
        assertThat(Integer.parseInt(after)).isEqualTo(Integer.parseInt(before) - 1);
        browser.clickAndWait("Audit log");
        assertThat(browser.driver.findElement(By.xpath("//tr[td[normalize-space(.)='Delivery retried']]")).getText())
                .contains("Operator");
    }

    @Test
    void theAuditLogIsPagedNewestFirst() {
        String org = createOrganization("Adatum " + suffix());
        String secret = credential(org);
        for (int i = 0; i < 30; i++) {
            createUser(org, secret, "user" + i + "." + suffix() + "@adatum.example", true);
        }
        // 1 organization + 1 credential + 30 x (user provisioned + invitation issued) = 62 entries
        signIn(ServerFixture.ADMIN_TOKEN);
        browser.open(server.base + "/console/organizations/" + org + "/audit");
        assertThat(browser.text(".range")).isEqualTo("1\u201350 of 62 entries");
        List<WebElement> times = browser.driver.findElements(By.cssSelector("table.audit time"));
        assertThat(times).hasSize(50);
        List<String> instants = times.stream().map(t -> t.getAttribute("datetime")).toList();
        assertThat(instants).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(browser.driver.findElements(By.linkText("Newer"))).isEmpty();

        browser.clickAndWait("Older");
        assertThat(browser.text(".range")).isEqualTo("51\u201362 of 62 entries");
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("table.audit tbody tr"));
        assertThat(rows).hasSize(12);
        assertThat(rows.get(rows.size() - 1).getText()).contains("Organization created");
        assertThat(browser.driver.findElements(By.linkText("Older"))).isEmpty();
        browser.clickAndWait("Newer");
        assertThat(browser.text(".range")).isEqualTo("1\u201350 of 62 entries");
    }

    @Test
    void everyMainPageFitsAPhoneAndADesktopAndIsReachableByKeyboard() {
        String org = createOrganization("Tailspin Toys " + suffix());
        String secret = credential(org);
        String pending = "alex.wilber." + suffix() + "@tailspin.example";
        String suspended = "megan.bowen.with.a.rather.long.address." + suffix() + "@tailspin-toys.example";
        createUser(org, secret, pending, true);
        String suspendedId = createUser(org, secret, suspended, false);
        String o = "/console/organizations/" + org;

        for (int width : new int[] {PHONE, DESKTOP}) {
            String size = width == PHONE ? "360" : "desktop";
            browser.driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            browser.viewport(width, width == PHONE ? 780 : 900, width == PHONE);
            browser.open(server.base + "/console/sign-in");
            fits("sign-in-" + size, width);
            browser.find("#token").sendKeys(ServerFixture.ADMIN_TOKEN);
            browser.clickAndWait("Sign in");
            fits("organizations-" + size, width);
            browser.open(server.base + o + "/users");
            fits("users-" + size, width);
            browser.open(server.base + o + "/users?status=suspended");
            fits("users-suspended-" + size, width);
            browser.open(server.base + o + "/users/" + suspendedId);
            fits("user-" + size, width);
            browser.open(server.base + o + "/users/" + suspendedId + "/delete");
            fits("delete-confirm-" + size, width);
            browser.open(server.base + o + "/settings/provisioning");
            browser.clickAndWait("Get Credentials");
            fits("get-credentials-" + size, width);
            browser.open(server.base + o + "/settings/admin-keys");
            fits("admin-keys-" + size, width);
            browser.open(server.base + o + "/audit");
            fits("audit-" + size, width);
            browser.open(server.base + o + "/deliveries");
            fits("deliveries-" + size, width);
        }

        // keyboard: the first Tab reaches "Skip to content", which moves focus into the page
        browser.open(server.base + o + "/users");
        browser.driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(browser.driver.switchTo().activeElement().getText()).isEqualTo("Skip to content");
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(browser.driver.switchTo().activeElement().getText()).isEqualTo("All");
        // every field has a label
        for (String page : List.of(o + "/users", "/console/organizations")) {
            browser.open(server.base + page);
            for (WebElement input : browser.driver.findElements(By.cssSelector("input:not([type=hidden])"))) {
                assertThat(browser.driver.findElements(By.cssSelector("label[for='" + input.getAttribute("id") + "']")))
                        .as(page + " " + input.getAttribute("name")).hasSize(1);
            }
        }
    }

    /** Screenshots the page and checks that nothing sticks out sideways at {@code width}. */
    private static void fits(String name, int width) {
        assertThat(browser.driver.findElements(By.tagName("h1"))).as(name).isNotEmpty();
        browser.screenshot(name);
        assertThat(browser.scrollWidth()).as(name + ": page width at " + width + " px").isLessThanOrEqualTo(width);
    }

    private static void signIn(String token) {
        browser.driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        browser.open(server.base + "/console/sign-in");
        browser.find("#token").sendKeys(token);
        browser.clickAndWait("Sign in");
        assertThat(browser.driver.findElements(By.cssSelector(".notice.error"))).as("sign-in error").isEmpty();
    }

    /** The users-table row of {@code userName}. */
    private static WebElement row(String userName) {
        return browser.driver.findElement(By.xpath("//table[contains(@class,'users')]//tr[td/a[normalize-space(.)='"
                + userName + "']]"));
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String createOrganization(String name) {
        HttpResponse<String> r = server.send("POST", "/admin/v1/tenants", ServerFixture.ADMIN_TOKEN,
                "{\"name\":\"" + name + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return ServerFixture.json(r).getText("id").orElseThrow();
    }

    private static String credential(String tenant) {
        HttpResponse<String> r = server.send("POST", "/admin/v1/tenants/" + tenant + "/credentials",
                ServerFixture.ADMIN_TOKEN, null);
        return ServerFixture.json(r).getText("secretToken").orElseThrow();
    }

    private static String createUser(String tenant, String secret, String userName, boolean active) {
        HttpResponse<String> r = scim("POST", server.base + "/scim/v2/" + tenant + "/Users", secret,
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName
                        + "\",\"active\":" + active + ",\"name\":{\"givenName\":\"Test\",\"familyName\":\"User\"},"
                        + "\"emails\":[{\"type\":\"work\",\"primary\":true,\"value\":\"" + userName + "\"}]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        ComplexValue user = ServerFixture.json(r);
        return user.getText("id").orElseThrow();
    }

    /** A user as Microsoft Entra ID creates it: enterprise extension, client-sent meta, empty roles. */
    private static String entraUser(String userName, String given, String family) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"" + ENTERPRISE + "\"],"
                + "\"externalId\":\"" + given.toLowerCase(java.util.Locale.ROOT) + "\",\"userName\":\"" + userName
                + "\",\"active\":true,\"displayName\":\"" + given + " " + family + "\","
                + "\"emails\":[{\"primary\":true,\"type\":\"work\",\"value\":\"" + userName + "\"}],"
                + "\"meta\":{\"resourceType\":\"User\"},"
                + "\"name\":{\"formatted\":\"" + given + " " + family + "\",\"familyName\":\"" + family
                + "\",\"givenName\":\"" + given + "\"},\"roles\":[],"
                + "\"" + ENTERPRISE + "\":{\"employeeNumber\":\"1815\",\"department\":\"Analytical Engines\"}}";
    }

    private static HttpResponse<String> scim(String method, String url, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            b.header("Content-Type", "application/scim+json");
        }
        return send(b.build());
    }

    private static HttpResponse<String> post(String path, String session, Map<String, String> form) {
        return send(HttpRequest.newBuilder(URI.create(server.base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", Console.SESSION_COOKIE + "=" + session)
                .POST(HttpRequest.BodyPublishers.ofString(ConsoleHttp.form(form))).build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
