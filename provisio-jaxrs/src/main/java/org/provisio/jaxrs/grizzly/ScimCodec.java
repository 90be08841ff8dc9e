package org.provisio.jaxrs.grizzly;

import java.io.IOException;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.http.ContentEncoding;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.KeepAlive;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.HttpStatus;
import org.glassfish.grizzly.http.util.MimeHeaders;
import org.glassfish.grizzly.memory.Buffers;
import org.provisio.jaxrs.http.RequestIdFilter;

/**
 * Grizzly's HTTP codec with SCIM answers to what it refuses while parsing: a request line too long
 * is 414 and headers too large or too many are 431 (RFC 6585 §5), each saying that a long filter
 * belongs in {@code POST .search} (RFC 7644 §3.4.3); a malformed head is 400 — each with a SCIM Error
 * body instead of Grizzly's empty 400.
 */
final class ScimCodec implements AddOn {
    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        int index = builder.indexOfType(HttpServerFilter.class);
        if (index < 0) {
            return;
        }
        HttpServerFilter original = (HttpServerFilter) builder.get(index);
        int maxHeaderSize = listener.getMaxHttpHeaderSize() == -1
                ? HttpServerFilter.DEFAULT_MAX_HTTP_PACKET_HEADER_SIZE : listener.getMaxHttpHeaderSize();
        Codec codec = new Codec(listener.isChunkingEnabled(), maxHeaderSize, listener.getKeepAlive(),
                listener.getMaxRequestHeaders(), listener.getMaxResponseHeaders());
        for (ContentEncoding encoding : original.getContentEncodings()) {
            codec.addContentEncoding(encoding);
        }
        codec.setAllowPayloadForUndefinedHttpMethods(original.isAllowPayloadForUndefinedHttpMethods());
        codec.setMaxPayloadRemainderToSkip(original.getMaxPayloadRemainderToSkip());
        codec.getMonitoringConfig().addProbes(original.getMonitoringConfig().getProbes());
        builder.set(index, codec);
    }

    private static final class Codec extends HttpServerFilter {
        // the constructor Grizzly's own listener uses; its replacement needs a delayed executor we do not have
        @SuppressWarnings("deprecation")
        Codec(boolean chunking, int maxHeaderSize, KeepAlive keepAlive, int maxRequestHeaders, int maxResponseHeaders) {
            super(chunking, maxHeaderSize, null, keepAlive, null, maxRequestHeaders, maxResponseHeaders);
        }

        @Override
        protected void onHttpHeaderError(HttpHeader header, FilterChainContext ctx, Throwable t) throws IOException {
            HttpResponsePacket response = ((HttpRequestPacket) header).getResponse();
            String message = String.valueOf(t.getMessage());
            if (message.contains("intial line is too large") || message.contains("initial line is too large")) {
                HttpStatus.REQUEST_URI_TOO_LONG_414.setValues(response);
            } else if (message.contains("header is too large") || t instanceof MimeHeaders.MaxHeaderCountExceededException) {
                HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.setValues(response);
            }
            super.onHttpHeaderError(header, ctx, t);
        }

        @Override
        protected HttpContent customizeErrorResponse(HttpResponsePacket response) {
            int status = response.getStatus();
            String detail = switch (status) {
                case 414 -> "The request line is too long; send a long filter in the body of POST .search";
                case 431 -> "The request headers are too large or too many; send a long filter in the body of"
                        + " POST .search";
                default -> "The request is malformed";
            };
            byte[] body = ScimErrorBodies.of(status, detail);
            // raw values: for a request line that never parsed, Grizzly writes no Content-Type of its own
            response.getHeaders().setValue("Content-Type").setString(ScimErrorBodies.MEDIA_TYPE);
            response.getHeaders().setValue("Connection").setString("close");
            HttpRequestPacket request = response.getRequest();
            response.getHeaders().setValue(RequestIdFilter.HEADER).setString(RequestIdFilter.accept(
                    request == null ? null : request.getHeader(RequestIdFilter.HEADER)).value());
            response.setContentLength(body.length);
            return HttpContent.builder(response).content(Buffers.wrap(null, body)).last(true).build();
        }
    }
}
