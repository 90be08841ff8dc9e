package org.provisio.jaxrs.http;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.json.ScimJson;
import org.provisio.scim.resource.ComplexValue;

/**
 * Reads request bodies into {@link ComplexValue}s and writes them back, whatever JSON media type
 * the client named ({@code application/scim+json}, {@code application/json}, or none). A body
 * longer than the configured limit is refused with 413 before it is parsed.
 */
@Produces({"*/*"})
@Consumes({"*/*"})
public final class ComplexValueProvider implements MessageBodyReader<ComplexValue>, MessageBodyWriter<ComplexValue> {
    private final long maxPayloadSize;

    public ComplexValueProvider(long maxPayloadSize) {
        this.maxPayloadSize = maxPayloadSize;
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == ComplexValue.class;
    }

    @Override
    public ComplexValue readFrom(Class<ComplexValue> type, Type genericType, Annotation[] annotations,
                                 MediaType mediaType, MultivaluedMap<String, String> headers, InputStream entity)
            throws IOException {
        long declared = declaredLength(headers.getFirst("Content-Length"));
        if (declared > maxPayloadSize) {
            throw tooLarge(maxPayloadSize);
        }
        // With a declared length read exactly that much, so a kept-alive connection is never
        // waited on for an end of stream; without one, read until the end or one byte past the limit.
        int limit = (int) (declared >= 0 ? declared : Math.min(Integer.MAX_VALUE - 8, maxPayloadSize + 1));
        byte[] body = entity.readNBytes(limit);
        if (body.length > maxPayloadSize) {
            throw tooLarge(maxPayloadSize);
        }
        return ScimJson.readObject(body);
    }

    /**
     * The declared {@code Content-Length}: -1 when absent, {@link Long#MAX_VALUE} for a number too
     * large for a long (it is larger than any limit); anything but digits is {@code invalidSyntax}.
     */
    static long declaredLength(String value) {
        if (value == null) {
            return -1;
        }
        String digits = value.trim();
        if (digits.isEmpty() || !digits.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw ScimException.invalidSyntax("The Content-Length header is not a number");
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    static ScimException tooLarge(long max) {
        return ScimException.of(ScimErrorType.PAYLOAD_TOO_LARGE,
                "The request body is larger than the limit of " + max + " bytes");
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == ComplexValue.class;
    }

    @Override
    public void writeTo(ComplexValue value, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) {
        ScimJson.write(value, out);
    }
}
