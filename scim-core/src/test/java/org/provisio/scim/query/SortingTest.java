package org.provisio.scim.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.provisio.scim.Json;
import org.provisio.scim.path.AttributePath;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.schema.ResourceSchema;
import org.provisio.scim.schema.SchemaValidator;

/** {@code sortBy} / {@code sortOrder} (RFC 7644 §3.4.2.3). */
class SortingTest {
    private static final String U = "'schemas':['urn:ietf:params:scim:schemas:core:2.0:User']";

    private static List<ComplexValue> users() {
        SchemaValidator v = new SchemaValidator(ResourceSchema.user());
        List<ComplexValue> out = new ArrayList<>();
        for (String json : List.of(
                "{" + U + ",'userName':'carol','name':{'familyName':'Zeta'},'emails':[{'value':'z@x','type':'home'},"
                        + "{'value':'a@x','type':'work','primary':true}]}",
                "{" + U + ",'userName':'Alice','emails':[{'value':'m@x'}],'title':'b'}",
                "{" + U + ",'userName':'bob','name':{'familyName':'alpha'},'title':'A'}",
                "{" + U + ",'userName':'dave','name':{'familyName':'Beta'},'emails':[{'value':'b@x'}],'title':'c'}")) {
            ComplexValue c = v.validate(Json.obj(json));
            out.add(c.with("id", org.provisio.scim.resource.StringValue.of(c.getText("userName").orElseThrow())));
        }
        return out;
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "userName|ascending|Alice,bob,carol,dave",
            "userName|descending|dave,carol,bob,Alice",
            "USERNAME|ascending|Alice,bob,carol,dave",
            "name.familyName|ascending|bob,dave,carol,Alice",
            "name.familyName|descending|Alice,carol,dave,bob",
            "emails|ascending|carol,dave,Alice,bob",
            "emails.value|ascending|carol,dave,Alice,bob",
            "title|ascending|bob,Alice,dave,carol",
            "urn:ietf:params:scim:schemas:core:2.0:User:userName|ascending|Alice,bob,carol,dave"})
    void sortsCaseInsensitivelyByPrimaryValueWithMissingLast(String sortBy, String order, String expected) {
        List<ComplexValue> sorted = new ArrayList<>(users());
        sorted.sort(Sorting.comparator(AttributePath.parse(sortBy), SortOrder.fromName(order).orElseThrow(),
                ResourceSchema.user()));
        assertThat(sorted).extracting(c -> c.getText("userName").orElseThrow())
                .containsExactly(expected.split(","));
    }

    /**
     * Beyond ASCII a case-insensitive sort compares CaseFolding folds; equal folds tie and fall back to the id.
     * {@code users} is {@code id=displayName;...}. Each row's order differs from lower-casing the values.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            // German ß sorts as ss: straße ties with STRASSE and comes before strat
            "b=STRASSE;a=stra\u00dfe;c=strat|ascending|a,b,c",
            "b=STRASSE;a=stra\u00dfe;c=strat|descending|c,a,b",
            // Greek final sigma: ασ ties with ΑΣ (both fold to ας)
            "a=\u03b1\u03c3;b=\u0391\u03a3;c=\u03b1\u03c1|ascending|c,a,b",
            // Turkish dotless ı sorts as i
            "a=\u0131b;b=IA;c=ic|ascending|b,a,c",
            // a combining accent sorts as the precomposed letter
            "a=e\u0301b;b=\u00c9A;c=ea|ascending|c,b,a"})
    void sortsByFoldsBeyondAscii(String users, String order, String expected) {
        List<ComplexValue> resources = new ArrayList<>();
        for (String user : users.split(";")) {
            String[] idAndName = user.split("=");
            resources.add(ComplexValue.builder().put("id", idAndName[0]).put("userName", idAndName[0])
                    .put("displayName", idAndName[1]).build());
        }
        resources.sort(Sorting.comparator(AttributePath.of("displayName"), SortOrder.fromName(order).orElseThrow(),
                ResourceSchema.user()));
        assertThat(resources).extracting(c -> c.getText("id").orElseThrow()).containsExactly(expected.split(","));
    }
}
