package org.provisio.server.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.captaingoldfish.scim.sdk.common.schemas.Schema;
import de.captaingoldfish.scim.sdk.common.schemas.SchemaAttribute;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.provisio.server.ServerFixture;

/**
 * Every schema {@code /Schemas} serves loads in a third-party SCIM schema parser (the captaingoldfish
 * SCIM SDK's, which checks each attribute definition against RFC 7643 §7 and refused our binary
 * {@code x509Certificates.value} while it was declared {@code caseExact: false}, RFC 7643 §2.3.6).
 */
class ThirdPartySchemaParserTest {
    private static ServerFixture server;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        server = ServerFixture.inMemory();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<String> servedSchemas() throws Exception {
        ServerFixture s = ServerFixture.inMemory();
        try {
            HttpResponse<String> r = s.scim("GET", "/Schemas", null);
            assertThat(r.statusCode()).isEqualTo(200);
            List<String> schemas = new ArrayList<>();
            for (JsonNode schema : JSON.readTree(r.body()).get("Resources")) {
                schemas.add(schema.toString());
            }
            assertThat(schemas).hasSizeGreaterThanOrEqualTo(3);
            return schemas;
        } finally {
            s.close();
        }
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("servedSchemas")
    void everyServedSchemaLoadsInTheCaptaingoldfishParser(String json) throws Exception {
        JsonNode node = JSON.readTree(json);
        Schema[] parsed = new Schema[1];
        assertThatCode(() -> parsed[0] = new Schema(node)).as(node.get("id").asText()).doesNotThrowAnyException();
        assertThat(parsed[0].getNonNullId()).isEqualTo(node.get("id").asText());
        assertThat(parsed[0].getAttributes()).hasSize(node.get("attributes").size());
        for (SchemaAttribute attribute : parsed[0].getAttributes()) {
            assertThat(attribute.getName()).isNotBlank();
        }
    }

    @org.junit.jupiter.api.Test
    void theParserRefusesABinaryThatIsNotCaseExact() throws Exception {
        // the check this test relies on, shown to bite: RFC 7643 §2.3.6 binaries are case exact
        JsonNode bad = JSON.readTree("{\"id\":\"urn:example:params:scim:schemas:Bad\",\"name\":\"Bad\","
                + "\"description\":\"A bad schema\",\"attributes\":[{\"name\":\"blob\",\"description\":\"Bytes\","
                + "\"type\":\"binary\",\"multiValued\":false,\"required\":false,"
                + "\"caseExact\":false,\"mutability\":\"readWrite\",\"returned\":\"default\",\"uniqueness\":\"none\"}]}");
        assertThatCode(() -> new Schema(bad)).isInstanceOf(RuntimeException.class);
        JsonNode good = JSON.readTree(bad.toString().replace("\"caseExact\":false", "\"caseExact\":true"));
        assertThatCode(() -> new Schema(good)).as("the same schema with a case-exact binary").doesNotThrowAnyException();
    }
}
