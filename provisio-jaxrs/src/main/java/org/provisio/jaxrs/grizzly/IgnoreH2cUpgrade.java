package org.provisio.jaxrs.grizzly;

import java.io.IOException;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpEvents;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.Header;

/**
 * Answers an {@code Upgrade: h2c} request — what Java's {@code HttpClient} sends by default on
 * plain {@code http://} — as the HTTP/1.1 request it also is (RFC 7230 §6.7 lets a server ignore
 * an upgrade it does not support). Grizzly otherwise marks such a request as being upgraded,
 * stops honouring {@code Content-Length} and reads the body until the connection closes, so the
 * request hangs.
 */
public final class IgnoreH2cUpgrade implements AddOn {
    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        int codec = builder.indexOfType(HttpServerFilter.class);
        if (codec >= 0) {
            builder.add(codec + 1, new Filter());
        }
    }

    private static final class Filter extends BaseFilter {
        @Override
        public NextAction handleEvent(FilterChainContext ctx, FilterChainEvent event) throws IOException {
            if (event.type() == HttpEvents.IncomingHttpUpgradeEvent.TYPE) {
                HttpHeader header = ((HttpEvents.IncomingHttpUpgradeEvent) event).getHttpHeader();
                String upgrade = header.getUpgrade();
                if (upgrade != null && upgrade.trim().equalsIgnoreCase("h2c")) {
                    header.setUpgrade(null);
                    header.getHeaders().removeHeader(Header.Upgrade);
                    header.getHeaders().removeHeader("HTTP2-Settings");
                    header.setIgnoreContentModifiers(false);
                    return ctx.getStopAction();
                }
            }
            return ctx.getInvokeAction();
        }
    }
}
