package org.provisio.server.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.error.ScimException;

/**
 * Guards {@code /admin/v1/...} with the operator's admin token, compared in constant time
 * (both sides hashed first, so not even the length leaks).
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class AdminAuthenticationFilter implements ContainerRequestFilter {
    private final byte[] adminTokenHash;

    public AdminAuthenticationFilter(String adminToken) {
        this.adminTokenHash = sha256(adminToken);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (!(p.equals("admin/v1") || p.startsWith("admin/v1/"))) {
            return;
        }
        String token = Bearer.token(request).orElse("");
        if (!MessageDigest.isEqual(adminTokenHash, sha256(token))) {
            throw ScimException.of(ScimErrorType.UNAUTHORIZED, "The admin token is required (Authorization: Bearer <admin token>)");
        }
        request.setProperty(AccessLogFilter.TENANT_PROPERTY, "admin");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
