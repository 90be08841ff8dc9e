package org.provisio.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.IntegerValue;
import org.provisio.scim.resource.Value;
import org.provisio.scim.schema.AttributeDefinition;
import org.provisio.scim.schema.AttributeType;
import org.provisio.scim.schema.Schema;
import org.provisio.scim.schema.SchemaExtension;
import org.provisio.scim.schema.SchemaRegistry;
import org.provisio.server.ServerFixture;

/**
 * An embedding product registers its own extension schema: the domain keeps and types its
 * attributes, PATCH and filters reach them, and discovery advertises the schema.
 */
class CustomExtensionTest {
    private static final String ACME = "urn:example:params:scim:schemas:extension:acme:2.0:User";
    private static final Schema ACME_SCHEMA = new Schema(ACME, "AcmeUser", "Acme's own user attributes", List.of(
            AttributeDefinition.builder("badge", AttributeType.STRING).caseExact().build(),
            AttributeDefinition.builder("clearance", AttributeType.INTEGER).build()));

    private ServerFixture server;

    @BeforeEach
    void start() {
        server = ServerFixture.withSchemas(SchemaRegistry.builder().withDefaults().schema(ACME_SCHEMA)
                .extend("User", new SchemaExtension(ACME, false)).build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theExtensionIsStoredTypedPatchedFilteredAndAdvertised() {
        HttpResponse<String> created = server.scim("POST", "/Users", "{\"schemas\":["
                + "\"urn:ietf:params:scim:schemas:core:2.0:User\",\"" + ACME + "\"],\"userName\":\"kim@example.com\","
                + "\"" + ACME + "\":{\"badge\":\"B-17\",\"clearance\":\"3\",\"unknown\":\"dropped\"}}");
        assertThat(created.statusCode()).isEqualTo(201);
        ComplexValue user = ServerFixture.json(created);
        ComplexValue acme = user.getComplex(ACME).orElseThrow();
        assertThat(acme.getText("badge")).hasValue("B-17");
        assertThat(acme.getOrNull("clearance")).isEqualTo(IntegerValue.of(3));
        assertThat(acme.has("unknown")).isFalse();
        assertThat(user.getMulti("schemas").values()).extracting(Value::asText).contains(ACME);
        String id = user.getText("id").orElseThrow();

        HttpResponse<String> patched = server.scim("PATCH", "/Users/" + id, "{\"schemas\":["
                + "\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\","
                + "\"path\":\"" + ACME + ":clearance\",\"value\":5}]}");
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(ServerFixture.json(patched).getComplex(ACME).orElseThrow().getOrNull("clearance"))
                .isEqualTo(IntegerValue.of(5));

        assertThat(found(ACME + ":badge eq \"B-17\"")).isEqualTo(1);
        assertThat(found(ACME + ":badge eq \"b-17\"")).as("badge is caseExact").isZero();
        assertThat(found(ACME + ":clearance gt 4")).isEqualTo(1);

        HttpResponse<String> schema = server.scim("GET", "/Schemas/" + ACME, null);
        assertThat(schema.statusCode()).isEqualTo(200);
        assertThat(ServerFixture.json(schema).getText("name")).hasValue("AcmeUser");
        HttpResponse<String> userType = server.scim("GET", "/ResourceTypes/User", null);
        assertThat(userType.body()).contains(ACME);
    }

    @Test
    void aWrongTypeInTheExtensionIsInvalidValue() {
        HttpResponse<String> r = server.scim("POST", "/Users", "{\"schemas\":["
                + "\"urn:ietf:params:scim:schemas:core:2.0:User\",\"" + ACME + "\"],\"userName\":\"kim@example.com\","
                + "\"" + ACME + "\":{\"clearance\":\"high\"}}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(ServerFixture.json(r).getText("scimType")).hasValue("invalidValue");
    }

    private long found(String filter) {
        HttpResponse<String> r = server.scim("GET", "/Users?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8), null);
        assertThat(r.statusCode()).isEqualTo(200);
        return ((IntegerValue) ServerFixture.json(r).getOrNull("totalResults")).value();
    }
}
