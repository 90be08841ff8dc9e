package org.provisio.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Optional;
import org.provisio.scim.message.ErrorResponse;
import org.provisio.scim.resource.ComplexValue;

/** Assertions on the RFC 7644 §3.12 Error responses of the server: status, scimType, shape, media type. */
final class ScimErrors {
    static final String SCIM_JSON_UTF8 = "application/scim+json; charset=utf-8";

    private ScimErrors() {
    }

    /** The response is a SCIM Error with this status and {@code scimType} (null: none), and leaks nothing. */
    static ComplexValue assertError(HttpResponse<String> response, int status, String scimType) {
        assertThat(response.statusCode()).as("status of %s", response.request().uri()).isEqualTo(status);
        assertNoLeak(response);
        assertScimJson(response);
        ComplexValue error = ServerFixture.json(response);
        assertThat(error.getMulti("schemas").values()).extracting(v -> v.asText()).containsExactly(ErrorResponse.SCHEMA);
        assertThat(error.getText("status")).hasValue(Integer.toString(status));
        assertThat(error.getText("scimType")).isEqualTo(Optional.ofNullable(scimType));
        assertThat(error.getText("detail")).isPresent();
        return error;
    }

    /** The response is {@code application/scim+json; charset=utf-8} (spacing and case aside). */
    static void assertScimJson(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).as("Content-Type of %s", response.request().uri())
                .hasValueSatisfying(type -> assertThat(type.replace(" ", "").toLowerCase(java.util.Locale.ROOT))
                        .isEqualTo(SCIM_JSON_UTF8.replace(" ", "")));
    }

    /** No 500 and nothing that looks like a Java stack trace or exception class in the body. */
    static void assertNoLeak(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("status of %s", response.request().uri()).isNotEqualTo(500);
        assertThat(response.body()).doesNotContain("at org.", "at java.", "Exception", "\tat ");
    }
}
