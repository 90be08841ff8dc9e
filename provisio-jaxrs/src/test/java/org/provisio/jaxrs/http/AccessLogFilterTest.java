package org.provisio.jaxrs.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the access line shows of a path: no invitation token, no tenant id but the caller's own. */
class AccessLogFilterTest {
    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "/invitations/s3cret-token | acme | /invitations/***",
        "/invitations/s3cret-token/accept | - | /invitations/***/accept",
        // routing decodes escapes and drops matrix parameters: these reach the invitation page too
        "/invit%61tions/s3cret-token | - | /invitations/***",
        "/invitations;x=1/s3cret-token | - | /invitations/***",
        "/invitations/s3cret%2Dtoken;v=2 | - | /invitations/***",
        "/scim/v2/acme/Users/42 | acme | /scim/v2/acme/Users/42",
        "/scim/v2/globex/Users/42 | acme | /scim/v2/***/Users/42",
        "/scim/v2/globex | - | /scim/v2/***",
        "/scim/v2;x/globex/Users | - | /scim/v2/***/Users",
        "/scim/v2/%67lobex/Users | - | /scim/v2/***/Users",
        "/scim/v2/acme;p=1/Users | acme | /scim/v2/acme/Users",
        "/admin/v1/tenants | - | /admin/v1/tenants",
        "/bad%zzescape | - | /bad%zzescape",
        "/caf%C3%A9 | - | /café",
    })
    void masksWhatRoutingWouldRead(String raw, String tenant, String logged) {
        assertThat(AccessLogFilter.safePath(raw, "-".equals(tenant) ? null : tenant)).isEqualTo(logged);
    }
}
