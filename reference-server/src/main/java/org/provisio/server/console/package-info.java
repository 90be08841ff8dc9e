/**
 * The admin console at {@code /console}: the product's "Admin Panel" for people — organizations,
 * Settings &gt; User provisioning &gt; Get Credentials, users as Pending, Active and Suspended with
 * Restore, Delete permanently and Resend invitation, the audit log and deliveries. Server-rendered
 * HTML from jte templates compiled at build time ({@code src/main/jte}), one style sheet and one
 * small script served from here.
 *
 * <p>It calls the domain's use cases (the {@link org.provisio.domain.service.Provisioning} facade)
 * and adds no business rule: refusals are the domain's, shown in words. Access is the
 * {@link org.provisio.jaxrs.http.Realm#CONSOLE} realm, admitted by {@link ConsoleGuard}: a
 * server-side session in an {@code HttpOnly}, {@code SameSite=Strict} cookie, and a CSRF token on
 * every state-changing request. {@link Console#install} wires it into a
 * {@link org.provisio.jaxrs.ProvisioFeature.Builder}.
 */
package org.provisio.server.console;
