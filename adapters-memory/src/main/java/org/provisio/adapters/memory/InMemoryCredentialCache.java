package org.provisio.adapters.memory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.provisio.domain.model.Credential;
import org.provisio.domain.model.TokenId;
import org.provisio.domain.port.CredentialCache;

/**
 * The {@link CredentialCache} in process memory, on Caffeine: at most {@code maximumSize}
 * credentials (absent ones included), each read again from the store {@code revalidateAfter} after
 * it was loaded, on the given clock. That period bounds how long a revocation made by another
 * instance sharing the database goes unnoticed here. {@link #stats()} tells how often a lookup was
 * answered from memory, for monitoring.
 *
 * <pre>{@code
 * Provisioning.builder(store).credentialCache(InMemoryCredentialCache.create(Duration.ofSeconds(5), 10_000, clock))
 * }</pre>
 */
public final class InMemoryCredentialCache implements CredentialCache {
    /** The default revalidation period: a revocation elsewhere takes effect here within it. */
    public static final Duration DEFAULT_REVALIDATE_AFTER = Duration.ofSeconds(5);
    /** The default bound on cached credentials. */
    public static final int DEFAULT_MAXIMUM_SIZE = 10_000;

    private final Cache<TokenId, Optional<Credential>> cache;

    private InMemoryCredentialCache(Duration revalidateAfter, int maximumSize, Clock clock) {
        Objects.requireNonNull(revalidateAfter, "revalidateAfter");
        Objects.requireNonNull(clock, "clock");
        if (revalidateAfter.isNegative() || maximumSize < 0) {
            throw new IllegalArgumentException("revalidateAfter and maximumSize must not be negative");
        }
        Ticker ticker = () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
        this.cache = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfterWrite(revalidateAfter)
                .ticker(ticker)
                .recordStats()
                .build();
    }

    /** A cache with the defaults on the system clock. */
    public static InMemoryCredentialCache create() {
        return new InMemoryCredentialCache(DEFAULT_REVALIDATE_AFTER, DEFAULT_MAXIMUM_SIZE, Clock.systemUTC());
    }

    /** A cache revalidating after {@code revalidateAfter}, holding at most {@code maximumSize} entries, on {@code clock}. */
    public static InMemoryCredentialCache create(Duration revalidateAfter, int maximumSize, Clock clock) {
        return new InMemoryCredentialCache(revalidateAfter, maximumSize, clock);
    }

    @Override
    public Optional<Credential> get(TokenId id, Function<TokenId, Optional<Credential>> loader) {
        return cache.get(id, loader);
    }

    @Override
    public void invalidate(TokenId id) {
        cache.invalidate(id);
    }

    /** How many lookups since creation were answered from memory ({@code hits}) and from the store ({@code misses}). */
    public Stats stats() {
        CacheStats stats = cache.stats();
        return new Stats(stats.hitCount(), stats.missCount());
    }

    /** Lookup counts since the cache was created; see {@link #stats()}. */
    public record Stats(long hits, long misses) {
    }
}
