package org.provisio.server.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /admin/v1/tenants}: {@code {"name":"Acme"}}. */
public record CreateTenantRequest(
        @NotBlank(message = "\"name\" is required and must not be blank")
        @Size(max = 200, message = "\"name\" must be at most 200 characters") String name) {
}
