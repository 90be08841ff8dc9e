package org.provisio.server.console;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import org.glassfish.jersey.server.ServerProperties;
import org.provisio.domain.service.Provisioning;
import org.provisio.jaxrs.ProvisioFeature;
import org.provisio.jaxrs.http.Realm;

/**
 * The admin console at {@code {publicUrl}/console}, as one JAX-RS {@link Feature}: its resources,
 * their {@link ConsoleGuard}, the security headers and the error page. {@link #install} is the one
 * call an application makes:
 *
 * <pre>{@code
 * ProvisioFeature.Builder features = ProvisioFeature.builder(provisioning, publicUrl).adminToken(adminToken);
 * Console.install(features, provisioning, adminToken, () -> publicUrl);
 * }</pre>
 *
 * The operator signs in with the admin token, an organization's administrator with one of its
 * admin keys ({@code orgadmin_...}).
 */
public final class Console implements Feature {
    /** The session cookie: HttpOnly, SameSite=Strict, Secure when the public URL is https. */
    static final String SESSION_COOKIE = "provisio_console";

    private final Provisioning provisioning;
    private final Supplier<String> publicUrl;
    private final Clock clock;
    private final Sessions sessions;
    private final SignInThrottle throttle;
    private final Pages pages = new Pages();
    private final ConsoleGuard guard;
    private final SignInResource.Verifier verifier;

    private Console(Provisioning provisioning, String adminToken, Supplier<String> publicUrl, Clock clock,
                    Sessions.Settings settings) {
        this.provisioning = Objects.requireNonNull(provisioning, "provisioning");
        this.publicUrl = Objects.requireNonNull(publicUrl, "publicUrl");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sessions = new Sessions(clock, settings);
        this.throttle = new SignInThrottle(clock);
        this.guard = new ConsoleGuard(sessions, provisioning.adminKeys(), pages, this::paths);
        this.verifier = new SignInResource.Verifier(Objects.requireNonNull(adminToken, "adminToken"),
                provisioning.adminKeys());
    }

    /**
     * Adds the console to {@code features}: the guard of {@link Realm#CONSOLE} and the console's
     * resources. {@code publicUrl} is asked at each request (it may be known only once the server
     * has bound its port); an {@code https} URL makes the session cookie {@code Secure}.
     */
    public static void install(ProvisioFeature.Builder features, Provisioning provisioning, String adminToken,
                               Supplier<String> publicUrl) {
        install(features, provisioning, adminToken, publicUrl, Clock.systemUTC());
    }

    /**
     * {@link #install(ProvisioFeature.Builder, Provisioning, String, Supplier)}, with the clock of purge
     * dates and sessions.
     */
    public static void install(ProvisioFeature.Builder features, Provisioning provisioning, String adminToken,
                               Supplier<String> publicUrl, Clock clock) {
        Console console = new Console(provisioning, adminToken, publicUrl, clock, Sessions.Settings.DEFAULT);
        features.guard(Realm.CONSOLE, console.guard).register(console);
    }

    @Override
    public boolean configure(FeatureContext context) {
        // redirects name a path, never a host: the browser stays on the address it used
        context.property(ServerProperties.LOCATION_HEADER_RELATIVE_URI_RESOLUTION_DISABLED, true);
        context.register(new SecurityHeaders());
        context.register(new ConsoleException.Mapper(pages, this::paths));
        Web web = new Web(provisioning, pages, sessions, this::paths, publicUrl, clock);
        context.register(new AssetResource());
        context.register(new SignInResource(web, verifier, throttle, guard));
        context.register(new HomeResource(web));
        context.register(new OrganizationsResource(web));
        context.register(new UsersResource(web));
        context.register(new SettingsResource(web));
        context.register(new OrganizationResource(web));
        return true;
    }

    private Paths paths() {
        return Paths.of(publicUrl.get());
    }
}
