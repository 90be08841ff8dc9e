package org.provisio.spring.boot;

import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.core.env.Environment;

/**
 * The base URL identity providers reach Provisio at: tenant URLs are {@code {publicUrl}/scim/v2/{tenantId}},
 * invitation links {@code {publicUrl}/invitations/{token}}. It is {@code provisio.public-url} when set;
 * otherwise {@code http://localhost:{port}{server.servlet.context-path}{provisio.base-path}}, with the port
 * the server actually bound (so {@code server.port=0} works). A product injects it to show an organization
 * admin its tenant URL:
 *
 * <pre>{@code
 * String tenantUrl = publicUrl.get() + "/scim/v2/" + tenant.id().value();
 * }</pre>
 */
public final class ProvisioPublicUrl implements Supplier<String> {
    private final ProvisioProperties properties;
    private final Environment environment;

    public ProvisioPublicUrl(ProvisioProperties properties, Environment environment) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public String get() {
        String url = properties.publicUrl().orElseGet(() -> {
            // local.server.port is set once the web server has bound its port
            String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
            String contextPath = environment.getProperty("server.servlet.context-path", "");
            String base = properties.basePath().equals("/") ? "" : properties.basePath();
            return "http://localhost:" + port + trimmed(contextPath) + base;
        });
        return trimmed(url);
    }

    private static String trimmed(String s) {
        String u = s;
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }
}
