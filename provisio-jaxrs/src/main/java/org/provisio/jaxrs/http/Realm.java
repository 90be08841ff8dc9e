package org.provisio.jaxrs.http;

/** The kinds of caller a Provisio resource admits; see {@link Guarded}. */
public enum Realm {
    /** A SCIM client with an unrevoked credential of the tenant named by the {@code {tenantId}} path parameter. */
    SCIM,
    /** The operator, with the admin token. */
    ADMIN,
    /** Anyone: the invitation link, whose token is the credential and is checked by the use case. */
    PUBLIC
}
