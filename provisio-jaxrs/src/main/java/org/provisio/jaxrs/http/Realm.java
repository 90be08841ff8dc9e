package org.provisio.jaxrs.http;

/** The kinds of caller a Provisio resource admits; see {@link Guarded}. */
public enum Realm {
    /** A SCIM client with an unrevoked credential of the tenant named by the {@code {tenantId}} path parameter. */
    SCIM,
    /** The operator, with the admin token: every tenant. */
    OPERATOR,
    /**
     * The operator, or an organization's administrator with an admin key of the tenant named by the
     * {@code {tenantId}} path parameter — never of another tenant.
     */
    ADMIN,
    /** Anyone: the invitation link, whose token is the credential and is checked by the use case. */
    PUBLIC,
    /** A signed-in console session; admitted by the {@link RealmGuard} the application registers for it. */
    CONSOLE,
    /** The metrics scraper; admitted by the {@link RealmGuard} the application registers for it. */
    METRICS,
    /**
     * Anyone: a load balancer's or orchestrator's health probe, whose answer says UP or DOWN and
     * nothing that would help an attacker.
     */
    HEALTH
}
