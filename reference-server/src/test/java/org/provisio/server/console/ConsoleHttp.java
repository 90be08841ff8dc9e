package org.provisio.server.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.provisio.server.ServerFixture;

/**
 * The console driven over plain HTTP, as a browser without script would: the session cookie kept
 * by hand, forms posted with the CSRF token of the page they came from. For the tests that go at
 * the routes directly (refusals, scoping), where a real browser would only get in the way.
 */
final class ConsoleHttp {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final ServerFixture fixture;
    private String session;
    private String csrf;

    private ConsoleHttp(ServerFixture fixture) {
        this.fixture = fixture;
    }

    /** Not signed in. */
    static ConsoleHttp anonymous(ServerFixture fixture) {
        return new ConsoleHttp(fixture);
    }

    /** Signed in with {@code token} (the admin token or an admin key); fails if sign-in does not succeed. */
    static ConsoleHttp signIn(ServerFixture fixture, String token) {
        ConsoleHttp c = new ConsoleHttp(fixture);
        HttpResponse<String> r = c.attemptSignIn(token);
        if (r.statusCode() != 303 || c.session == null) {
            throw new AssertionError("sign-in failed: " + r.statusCode() + " " + r.body());
        }
        c.csrf = csrfOf(c.get("/console/sign-in").body()).orElse(null);
        return c;
    }

    /** Fetches the sign-in form and posts {@code token} with its form token and cookie. */
    HttpResponse<String> attemptSignIn(String token) {
        HttpResponse<String> form = send("GET", "/console/sign-in", null, null);
        String formCookie = cookie(form, SignInResource.FORM_COOKIE).orElse("");
        String formToken = csrfOf(form.body()).orElse("");
        HttpResponse<String> r = send("POST", "/console/sign-in",
                form(Map.of("token", token, "csrf", formToken)), SignInResource.FORM_COOKIE + "=" + formCookie);
        cookie(r, Console.SESSION_COOKIE).filter(v -> !v.isEmpty()).ifPresent(v -> session = v);
        return r;
    }

    String session() {
        return session;
    }

    /** The CSRF token of the last page fetched. */
    String csrf() {
        return csrf;
    }

    HttpResponse<String> get(String path) {
        HttpResponse<String> r = send("GET", path, null, sessionCookie());
        csrfOf(r.body()).ifPresent(t -> csrf = t);
        return r;
    }

    /** Posts a form with the session's CSRF token. */
    HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.putIfAbsent("csrf", csrf);
        }
        return send("POST", path, form(all), sessionCookie());
    }

    HttpResponse<String> post(String path) {
        return post(path, Map.of());
    }

    /** Posts exactly these fields, with the session cookie and no CSRF token added. */
    HttpResponse<String> postRaw(String path, Map<String, String> fields) {
        return send("POST", path, form(fields), sessionCookie());
    }

    private String sessionCookie() {
        return session == null ? null : Console.SESSION_COOKIE + "=" + session;
    }

    HttpResponse<String> send(String method, String path, String formBody, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fixture.base + path)).timeout(Duration.ofSeconds(30))
                .method(method, formBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(formBody, StandardCharsets.UTF_8));
        if (formBody != null) {
            b.header("Content-Type", "application/x-www-form-urlencoded");
        }
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    static Optional<String> csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The value a response's {@code Set-Cookie} gives {@code name}. */
    static Optional<String> cookie(HttpResponse<?> r, String name) {
        return setCookie(r, name).map(h -> h.substring(name.length() + 1, h.indexOf(';') < 0 ? h.length() : h.indexOf(';')));
    }

    /** The whole {@code Set-Cookie} header of {@code name}. */
    static Optional<String> setCookie(HttpResponse<?> r, String name) {
        return r.headers().allValues("set-cookie").stream().filter(h -> h.startsWith(name + "=")).findFirst();
    }
}
