package org.provisio.domain.port;

import java.util.Optional;
import java.util.function.Function;
import org.provisio.domain.model.Credential;
import org.provisio.domain.model.TokenId;

/**
 * Credentials as the domain last read them, so that authenticating a SCIM request costs no
 * database round trip. An entry is revalidated from the store after a bounded time, the period
 * within which a revocation made by another instance on the same database takes effect here; a
 * revocation made through this domain {@linkplain #invalidate invalidates} at once. Absent
 * credentials are cached too, so that an unknown token id costs what a known one does. Bounded in
 * size. {@link #none()} caches nothing.
 */
public interface CredentialCache {
    /** The cached credential of {@code id}, or {@code loader}'s answer, cached. */
    Optional<Credential> get(TokenId id, Function<TokenId, Optional<Credential>> loader);

    /** Forgets {@code id}: its next use reads the store. */
    void invalidate(TokenId id);

    /** No caching: every call reads the store. */
    static CredentialCache none() {
        return new CredentialCache() {
            @Override
            public Optional<Credential> get(TokenId id, Function<TokenId, Optional<Credential>> loader) {
                return loader.apply(id);
            }

            @Override
            public void invalidate(TokenId id) {
                // nothing is cached
            }
        };
    }
}
