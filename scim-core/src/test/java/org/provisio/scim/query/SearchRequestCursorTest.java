package org.provisio.scim.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.provisio.scim.Json;
import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.error.ScimException;

/** The {@code cursor} and {@code count} parameters of RFC 9865 §2 and §3, in a query string and in a {@code .search} body. */
class SearchRequestCursorTest {
    private static SearchRequest params(String... pairs) {
        Map<String, String> q = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            q.put(pairs[i], pairs[i + 1]);
        }
        return SearchRequest.fromParameters(q::get, 100, 1000);
    }

    /** RFC 9865 §2's first request, {@code ?filter=userName sw J&cursor&count=10} (with the value quoted as RFC 7644 wants). */
    @Test
    void anEmptyCursorAsksForTheFirstPage() {
        SearchRequest first = params("filter", "userName sw \"J\"", "cursor", "", "count", "10");

        assertThat(first.optionalCursor()).hasValue("");
        assertThat(first.count()).isEqualTo(10);
        assertThat(params("cursor", "VZUTiyhEQJ94IR", "count", "10").optionalCursor()).hasValue("VZUTiyhEQJ94IR");
        assertThat(params("count", "10").optionalCursor()).isEmpty();
    }

    @ParameterizedTest(name = "count={0} -> {1}")
    @CsvSource({"-5, 0", "0, 0", "10, 10", "5000, 1000"})
    void aNegativeCountIsZeroAndALargeOneTheMaximum(String count, int expected) {
        assertThat(params("cursor", "", "count", count).count()).isEqualTo(expected);
    }

    @Test
    void withoutCountACursorPageHasTheDefaultSize() {
        assertThat(params("cursor", "").count()).isEqualTo(100);
    }

    /** RFC 9865 §2.4: a request picks index or cursor paging, not both. */
    @ParameterizedTest(name = "startIndex={0}")
    @CsvSource({"1", "5"})
    void cursorWithStartIndexIsInvalid(String startIndex) {
        assertThatThrownBy(() -> params("cursor", "", "startIndex", startIndex))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_VALUE));
    }

    /** RFC 9865 §3: the same parameters in a {@code POST .search} body. */
    @Test
    void aSearchBodyCarriesTheCursor() {
        SearchRequest body = SearchRequest.fromBody(Json.obj("{'schemas':['urn:ietf:params:scim:api:messages:2.0:SearchRequest'],"
                + "'attributes':['displayName','userName'],'filter':'displayName sw \\\"smith\\\"','cursor':'','count':10}"),
                100, 1000);

        assertThat(body.optionalCursor()).hasValue("");
        assertThat(body.count()).isEqualTo(10);
        assertThat(body.projection().attributes()).hasSize(2);
        assertThatThrownBy(() -> SearchRequest.fromBody(Json.obj("{'cursor':'','startIndex':1}"), 100, 1000))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_VALUE));
    }
}
