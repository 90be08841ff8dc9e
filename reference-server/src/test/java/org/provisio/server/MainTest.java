package org.provisio.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.server.config.ConfigLoader;
import org.provisio.server.config.ServerConfig;

/** The server as {@code main} assembles it, on a port the system picks. */
class MainTest {
    private static final String ADMIN = "main-test-admin-token-0123456789";

    @Test
    void withPortZeroTheTenantUrlNamesThePortActuallyBound() {
        ServerConfig config = new ConfigLoader(Map.of("PROVISIO_PORT", "0", "PROVISIO_DB_URL", "memory",
                "PROVISIO_ADMIN_TOKEN", ADMIN), new Properties()).load();
        try (Main.Running running = Main.start(config)) {
            int port = running.server().port();
            assertThat(port).isPositive();
            RawHttp.Response tenant = RawHttp.send(port, "POST", "/admin/v1/tenants", "{\"name\":\"Acme\"}",
                    "Authorization: Bearer " + ADMIN);
            assertThat(tenant.status()).isEqualTo(201);
            assertThat(tenant.headers().get("location")).startsWith("http://localhost:" + port + "/admin/v1/tenants/");
            String id = org.provisio.scim.json.ScimJson.readObject(tenant.body()).getText("id").orElseThrow();
            RawHttp.Response credential = RawHttp.send(port, "POST", "/admin/v1/tenants/" + id + "/credentials", null,
                    "Authorization: Bearer " + ADMIN);
            ComplexValue body = org.provisio.scim.json.ScimJson.readObject(credential.body());
            assertThat(body.getText("tenantUrl")).hasValue("http://localhost:" + port + "/scim/v2/" + id);
        }
    }
}
