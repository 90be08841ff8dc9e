package org.provisio.scim.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.provisio.scim.schema.CoreSchemas;

/** {@link RequiredEquality}: the {@code attribute eq "..."} a filter requires, at the top or through {@code and}. */
class RequiredEqualityTest {

    @ParameterizedTest(name = "[{index}] {0} / {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // filter | attribute | required value
            "userName eq \"bjensen\"|userName|bjensen",
            "USERNAME EQ \"BJensen\"|username|BJensen",
            "urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"bjensen\"|userName|bjensen",
            "URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER:userName eq \"bjensen\"|userName|bjensen",
            "userName eq \"7b1f0e4c-2a4d-4f0e-9d55-3c1b8f7e2a10\"|userName|7b1f0e4c-2a4d-4f0e-9d55-3c1b8f7e2a10",
            "userName eq \"\"|userName|''",
            // through and, left first, at any depth
            "userName eq \"a\" and active eq true|userName|a",
            "active eq true and userName eq \"b\"|userName|b",
            "userName eq \"a\" and userName eq \"b\"|userName|a",
            "title pr and (active eq true and userName eq \"c\")|userName|c",
            "(title pr and userName eq \"d\") and userName eq \"e\"|userName|d",
            "title pr and nickName pr and displayName pr and userName eq \"f\"|userName|f",
            "userName eq \"x\" and (title pr or nickName pr)|userName|x",
            // not required: under or, not or a value path
            "userName eq \"a\" or userName eq \"b\"|userName|-",
            "title pr or userName eq \"a\"|userName|-",
            "not (userName eq \"a\")|userName|-",
            "emails[value eq \"a\"]|emails|-",
            "title pr and (userName eq \"a\" or active eq true)|userName|-",
            // not an equality on that attribute
            "userName ne \"a\"|userName|-",
            "userName co \"a\"|userName|-",
            "userName sw \"a\"|userName|-",
            "userName pr|userName|-",
            "userName eq null|userName|-",
            "userName eq 5|userName|-",
            "userName eq true|userName|-",
            "displayName eq \"a\"|userName|-",
            "name.givenName eq \"a\"|name|-",
            "userName.value eq \"a\"|userName|-",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:userName eq \"a\"|userName|-",
            "urn:example:ext:1.0:User:userName eq \"a\"|userName|-",
            "urn:ietf:params:scim:schemas:core:2.0:Group:userName eq \"a\"|userName|-",
            // other attributes, such as externalId
            "externalId eq \"5e7d\" and userName pr|externalId|5e7d"})
    void findsTheRequiredEquality(String filter, String attribute, String expected) {
        assertThat(RequiredEquality.of(Filter.parse(filter), attribute, CoreSchemas.USER_URN))
                .isEqualTo(Optional.ofNullable(expected));
    }
}
