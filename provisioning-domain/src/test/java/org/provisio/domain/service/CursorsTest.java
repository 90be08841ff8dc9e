package org.provisio.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.provisio.domain.model.CursorScope;
import org.provisio.domain.model.KeysetRequest;
import org.provisio.domain.model.PageKey;
import org.provisio.domain.model.TenantId;
import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.filter.Filter;
import org.provisio.scim.path.AttributePath;
import org.provisio.scim.query.SortBy;

/** {@link Cursors}: RFC 9865 cursors that open only for the query they were issued for, unchanged and in time. */
class CursorsTest {
    private static final Instant T0 = Instant.parse("2025-10-01T09:00:00Z");
    private static final byte[] SECRET = "a secret of thirty-two bytes....".getBytes(StandardCharsets.US_ASCII);
    private static final TenantId ACME = TenantId.of("acme");
    private static final CursorScope SCOPE = new CursorScope(ACME, "User",
            Optional.of(Filter.parse("userName sw \"J\"")), Optional.of(SortBy.ascending(AttributePath.of("userName"))));
    private static final PageKey KEY = PageKey.of("u", "jensen, barbara ß", "2819c223");

    private static Cursors at(Instant now) {
        return new Cursors(Clock.fixed(now, ZoneOffset.UTC), Duration.ofHours(1), SECRET, new SecureRandom());
    }

    private static ScimErrorType refusal(Runnable open) {
        try {
            open.run();
        } catch (ScimException e) {
            return e.type();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void anEmptyCursorIsTheFirstPage() {
        assertThat(at(T0).open("", SCOPE, 10)).isEqualTo(KeysetRequest.first(10));
        assertThat(at(T0).open(null, SCOPE, 0)).isEqualTo(KeysetRequest.first(0));
    }

    @Test
    void aCursorOpensToTheKeyAndTotalItSeals() {
        String cursor = at(T0).issue(KEY, 100, SCOPE);

        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(cursor).doesNotContain("jensen").doesNotContain("2819c223");
        assertThat(at(T0.plusSeconds(60)).open(cursor, SCOPE, 10))
                .isEqualTo(new KeysetRequest(KEY, 10, OptionalLong.of(100)));
    }

    @Test
    void twoCursorsForTheSamePageDifferSoNoneCanBeGuessed() {
        assertThat(at(T0).issue(KEY, 100, SCOPE)).isNotEqualTo(at(T0).issue(KEY, 100, SCOPE));
    }

    static Stream<String> garbage() {
        return Stream.of("x", "VZUTiyhEQJ94IR", "YkU3OF86Pz0rGv", "not base64!", "a b", "%00", "====",
                Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[64]),
                "A".repeat(Cursors.MAX_LENGTH + 4));
    }

    /** RFC 9865 §2.1 invalidCursor: the RFC's own example cursors and other garbage. */
    @ParameterizedTest
    @MethodSource("garbage")
    void garbageIsAnInvalidCursor(String cursor) {
        assertThat(refusal(() -> at(T0).open(cursor, SCOPE, 10))).isEqualTo(ScimErrorType.INVALID_CURSOR);
    }

    /** RFC 9865 §5.2: a forged cursor is detected; every single-character change is one. */
    @Test
    void everyTamperedCursorIsInvalid() {
        String cursor = at(T0).issue(KEY, 100, SCOPE);
        IntStream.range(0, cursor.length()).forEach(i -> {
            char c = cursor.charAt(i);
            String tampered = cursor.substring(0, i) + (c == 'A' ? 'B' : 'A') + cursor.substring(i + 1);
            assertThat(refusal(() -> at(T0).open(tampered, SCOPE, 10))).as("changed at %d", i)
                    .isEqualTo(ScimErrorType.INVALID_CURSOR);
        });
        assertThat(refusal(() -> at(T0).open(cursor.substring(0, cursor.length() - 1), SCOPE, 10)))
                .isEqualTo(ScimErrorType.INVALID_CURSOR);
        assertThat(refusal(() -> at(T0).open(cursor + "A", SCOPE, 10))).isEqualTo(ScimErrorType.INVALID_CURSOR);
    }

    @Test
    void aCursorOfAnotherSecretIsInvalid() {
        String cursor = Cursors.create(Clock.fixed(T0, ZoneOffset.UTC), Duration.ofHours(1),
                "another secret, thirty-two bytes".getBytes(StandardCharsets.US_ASCII)).issue(KEY, 100, SCOPE);

        assertThat(refusal(() -> at(T0).open(cursor, SCOPE, 10))).isEqualTo(ScimErrorType.INVALID_CURSOR);
    }

    static Stream<Arguments> otherQueries() {
        return Stream.of(
                Arguments.of("another tenant", new CursorScope(TenantId.of("globex"), "User", SCOPE.filter(), SCOPE.sort())),
                Arguments.of("groups", new CursorScope(ACME, "Group", SCOPE.filter(), SCOPE.sort())),
                Arguments.of("no filter", new CursorScope(ACME, "User", Optional.empty(), SCOPE.sort())),
                Arguments.of("another filter", new CursorScope(ACME, "User",
                        Optional.of(Filter.parse("userName sw \"K\"")), SCOPE.sort())),
                Arguments.of("no sort", new CursorScope(ACME, "User", SCOPE.filter(), Optional.empty())),
                Arguments.of("descending", new CursorScope(ACME, "User", SCOPE.filter(),
                        Optional.of(SortBy.descending(AttributePath.of("userName"))))),
                Arguments.of("another sortBy", new CursorScope(ACME, "User", SCOPE.filter(),
                        Optional.of(SortBy.ascending(AttributePath.of("id"))))));
    }

    /** RFC 9865 §2: the client repeats every parameter but the cursor; a cursor of another query is invalid. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("otherQueries")
    void aCursorOfAnotherQueryIsInvalid(String what, CursorScope other) {
        String cursor = at(T0).issue(KEY, 100, SCOPE);

        assertThat(refusal(() -> at(T0).open(cursor, other, 10))).isEqualTo(ScimErrorType.INVALID_CURSOR);
    }

    @Test
    void theSameFilterParsedAgainOpensTheCursor() {
        String cursor = at(T0).issue(KEY, 100, SCOPE);
        CursorScope again = new CursorScope(ACME, "User", Optional.of(Filter.parse("userName sw \"J\"")),
                Optional.of(SortBy.ascending(AttributePath.of("userName"))));

        assertThat(at(T0).open(cursor, again, 10).after()).isEqualTo(KEY);
    }

    /** RFC 9865 §2.1 expiredCursor: valid for cursorTimeout after it was issued, not a millisecond longer. */
    @ParameterizedTest(name = "after {0} ms")
    @ValueSource(longs = {3_600_001, 7_200_000})
    void aCursorOlderThanTheTimeoutHasExpired(long millis) {
        String cursor = at(T0).issue(KEY, 100, SCOPE);

        assertThat(at(T0.plusMillis(3_600_000)).open(cursor, SCOPE, 10).after()).isEqualTo(KEY);
        assertThat(refusal(() -> at(T0.plusMillis(millis)).open(cursor, SCOPE, 10)))
                .isEqualTo(ScimErrorType.EXPIRED_CURSOR);
    }

    @Test
    void anExpiredCursorOfAnotherQueryIsInvalidFirst() {
        String cursor = at(T0).issue(KEY, 100, SCOPE);
        CursorScope groups = new CursorScope(ACME, "Group", SCOPE.filter(), SCOPE.sort());

        assertThat(refusal(() -> at(T0.plus(Duration.ofDays(1))).open(cursor, groups, 10)))
                .isEqualTo(ScimErrorType.INVALID_CURSOR);
    }

    @Test
    void secretsAndTimeoutsAreChecked() {
        assertThatThrownBy(() -> Cursors.create(Clock.systemUTC(), Duration.ofHours(1), new byte[8]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cursors.create(Clock.systemUTC(), Duration.ZERO, SECRET))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
