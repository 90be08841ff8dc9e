package org.provisio.domain.model;

/**
 * Identifies a SCIM credential; it is part of the secret token so that a token can be looked up before its hash is compared: 1 to 64 characters of {@code [A-Za-z0-9_-]}, typically a UUID.
 */
public record TokenId(String value) {
    public TokenId {
        Checks.id(value, "tokenId");
    }

    public static TokenId of(String value) {
        return new TokenId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
