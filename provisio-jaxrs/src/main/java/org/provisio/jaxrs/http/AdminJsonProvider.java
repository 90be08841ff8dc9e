package org.provisio.jaxrs.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Jackson's JAX-RS provider for the JSON that is not SCIM — the admin API's request and response
 * records — and for nothing else: an embedding product's own JSON provider keeps every other type.
 * SCIM bodies go through scim-core's codec ({@link ComplexValueProvider}). An admin body is read as
 * JSON whatever media type the client named ({@code application/json}, {@code application/scim+json},
 * or what {@code curl -d} sends), as the SCIM endpoints do.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public final class AdminJsonProvider extends JacksonJsonProvider {
    /** The package whose records this provider writes and reads. */
    static final String ADMIN_PACKAGE = "org.provisio.jaxrs.admin.";

    public AdminJsonProvider() {
        super(new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false));
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return isAdmin(type);
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return isAdmin(type) && super.isWriteable(type, genericType, annotations, mediaType);
    }

    private static boolean isAdmin(Class<?> type) {
        return type.getName().startsWith(ADMIN_PACKAGE);
    }
}
