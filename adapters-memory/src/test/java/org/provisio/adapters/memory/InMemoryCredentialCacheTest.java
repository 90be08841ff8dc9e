package org.provisio.adapters.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.provisio.domain.model.Credential;
import org.provisio.domain.model.SecretHash;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.TokenId;
import org.provisio.testkit.MutableClock;

/**
 * {@link InMemoryCredentialCache}: a credential, present or absent, is read from the store once and
 * then again only after the revalidation period on the given clock, or at once after an invalidation.
 */
class InMemoryCredentialCacheTest {
    private static final Instant T0 = Instant.parse("2024-03-01T09:00:00Z");
    private static final TokenId TOKEN = TokenId.of("t1");

    private final MutableClock clock = MutableClock.at(T0);
    private final AtomicInteger loads = new AtomicInteger();
    private Optional<Credential> stored = Optional.of(Credential.issued(TOKEN, TenantId.of("acme"),
            SecretHash.of("secret"), T0));

    private final Function<TokenId, Optional<Credential>> loader = id -> {
        loads.incrementAndGet();
        return stored;
    };

    @Test
    void aCredentialIsReadOnceUntilTheRevalidationPeriodEnds() {
        InMemoryCredentialCache cache = InMemoryCredentialCache.create(Duration.ofSeconds(5), 100, clock);

        assertThat(cache.get(TOKEN, loader)).isEqualTo(stored);
        Credential revokedElsewhere = stored.orElseThrow().revoke(T0);
        stored = Optional.of(revokedElsewhere);
        clock.advance(Duration.ofMillis(4999));
        assertThat(cache.get(TOKEN, loader).orElseThrow().isRevoked()).as("still the cached read").isFalse();
        assertThat(loads).hasValue(1);

        clock.advance(Duration.ofMillis(1));
        assertThat(cache.get(TOKEN, loader)).contains(revokedElsewhere);
        assertThat(loads).hasValue(2);
    }

    @Test
    void anAbsentCredentialIsCachedToo() {
        stored = Optional.empty();
        InMemoryCredentialCache cache = InMemoryCredentialCache.create(Duration.ofSeconds(5), 100, clock);

        assertThat(cache.get(TOKEN, loader)).isEmpty();
        assertThat(cache.get(TOKEN, loader)).isEmpty();
        assertThat(loads).hasValue(1);
    }

    @Test
    void anInvalidatedCredentialIsReadAgainAtOnce() {
        InMemoryCredentialCache cache = InMemoryCredentialCache.create(Duration.ofMinutes(5), 100, clock);
        cache.get(TOKEN, loader);
        stored = Optional.of(stored.orElseThrow().revoke(T0));

        cache.invalidate(TOKEN);

        assertThat(cache.get(TOKEN, loader).orElseThrow().isRevoked()).isTrue();
        assertThat(loads).hasValue(2);
    }

    @Test
    void statsCountLookupsAnsweredFromMemoryAndFromTheStore() {
        InMemoryCredentialCache cache = InMemoryCredentialCache.create(Duration.ofSeconds(5), 100, clock);
        assertThat(cache.stats()).isEqualTo(new InMemoryCredentialCache.Stats(0, 0));

        cache.get(TOKEN, loader);
        cache.get(TOKEN, loader);
        cache.get(TOKEN, loader);
        cache.get(TokenId.of("unknown"), loader);

        assertThat(cache.stats()).isEqualTo(new InMemoryCredentialCache.Stats(2, 2));
    }

    @Test
    void aNegativePeriodOrSizeIsRefused() {
        assertThatThrownBy(() -> InMemoryCredentialCache.create(Duration.ofSeconds(-1), 100, clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InMemoryCredentialCache.create(Duration.ofSeconds(1), -1, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
