package org.provisio.jaxrs.grizzly;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.ReadHandler;
import org.glassfish.grizzly.http.io.NIOInputStream;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.server.TimeoutHandler;
import org.glassfish.grizzly.http.server.util.HtmlHelper;
import org.glassfish.grizzly.http.util.Header;
import org.provisio.jaxrs.http.RequestIdFilter;
import org.provisio.jaxrs.http.AccessFilter;

/**
 * Receives a request's body without a worker thread, then hands the request to the application.
 * Jersey reads request bodies with blocking reads on a worker, so a few clients that send their
 * body one byte at a time would hold every worker and stop the server for everyone. This handler
 * suspends a request whose body has not fully arrived and lets Grizzly gather it (without consuming
 * it) through non-blocking read callbacks; only when the last byte is in does the application run,
 * its reads served from memory.
 *
 * <p>Bounds: a body must arrive within {@code deadlineMillis} (else 408) and be at most
 * {@code maxBodyBytes} (else 413); at most {@code maxPerAddress} bodies of one client address are
 * received at once (else 503 with {@code Retry-After}), so that one address cannot fill memory with
 * half-sent bodies. Each refusal is SCIM Error JSON, and its connection is closed.
 *
 * <p>It also tells the application the client's address, as the request property
 * {@link AccessFilter#CLIENT_ADDRESS_PROPERTY}.
 */
final class BodyBuffering extends HttpHandler {
    private static final int READING = 0;
    private static final int DISPATCHED = 1;
    private static final int FINISHED = 2;

    private final HttpHandler application;
    private final long deadlineMillis;
    private final long maxBodyBytes;
    private final int maxPerAddress;
    private final ConcurrentMap<InetAddress, AtomicInteger> receiving = new ConcurrentHashMap<>();

    BodyBuffering(HttpHandler application, long deadlineMillis, long maxBodyBytes, int maxPerAddress) {
        this.application = application;
        this.deadlineMillis = deadlineMillis;
        this.maxBodyBytes = maxBodyBytes;
        this.maxPerAddress = maxPerAddress;
    }

    @Override
    public void start() {
        application.start();
    }

    @Override
    public void destroy() {
        application.destroy();
    }

    /** One request whose body is being received. */
    private final class Exchange {
        final AtomicInteger state = new AtomicInteger(READING);
        final InetAddress address;
        volatile boolean resumed;
        /** Whether this exchange holds one of its address's slots. */
        volatile boolean counted;
        private final AtomicInteger released = new AtomicInteger();

        Exchange(InetAddress address) {
            this.address = address;
        }

        /** Gives the address's slot back, once. */
        void release() {
            if (counted && released.compareAndSet(0, 1)) {
                receiving.computeIfPresent(address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
            }
        }
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        // Jersey's request properties are Grizzly's request attributes: AccessFilter counts failed
        // authentications by this address
        request.setAttribute(AccessFilter.CLIENT_ADDRESS_PROPERTY, request.getRemoteAddr());
        NIOInputStream in = request.getNIOInputStream();
        if (in.isFinished()) {
            // no body, or all of it came with the headers: the ordinary path
            application.service(request, response);
            return;
        }
        InetAddress address = addressOf(request);
        Exchange exchange = new Exchange(address);
        if (request.getContentLengthLong() > maxBodyBytes) {
            response.suspend();
            fail(exchange, request, response, 413, "The request body is larger than the limit of " + maxBodyBytes
                    + " bytes");
            return;
        }
        if (address != null) {
            exchange.counted = true;
        }
        if (address != null && receiving.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet()
                > maxPerAddress) {
            response.suspend();
            response.setHeader("Retry-After", "1");
            fail(exchange, request, response, 503, "Too many request bodies are being received from this address");
            return;
        }
        response.suspend(deadlineMillis, TimeUnit.MILLISECONDS, new EmptyCompletionHandler<Response>() {
            @Override
            public void completed(Response r) {
                exchange.resumed = true;
                exchange.release();
            }

            @Override
            public void cancelled() {
                // the client went away while its body was being received
                exchange.resumed = true;
                exchange.state.set(FINISHED);
                exchange.release();
            }
        }, new TimeoutHandler() {
            @Override
            public boolean onTimeout(Response r) {
                fail(exchange, request, r, 408, "The request body did not arrive within " + deadlineMillis + " ms");
                // answered and resumed by fail(), or already handed to the application: never cancel here
                return false;
            }
        });
        long declared = request.getContentLengthLong();
        in.notifyAvailable(new ReadHandler() {
            @Override
            public void onDataAvailable() {
                int ready = in.readyData();
                if (ready > maxBodyBytes) {
                    fail(exchange, request, response, 413, "The request body is larger than the limit of "
                            + maxBodyBytes + " bytes");
                    return;
                }
                if (declared >= 0 && ready >= declared) {
                    // a body of declared length is complete once that many bytes are in; an upgrade request
                    // (Java's HttpClient offers h2c) is never marked finished, so do not wait for that
                    dispatch();
                    return;
                }
                // keep the bytes in Grizzly's buffer: call back when one more has arrived
                in.notifyAvailable(this, ready + 1);
            }

            @Override
            public void onAllDataRead() {
                dispatch();
            }

            @Override
            public void onError(Throwable t) {
                exchange.state.compareAndSet(READING, FINISHED);
                exchange.release();
            }

            private void dispatch() {
                exchange.release();
                if (exchange.state.compareAndSet(READING, DISPATCHED)) {
                    runApplication(exchange, request, response);
                }
            }
        }, declared > 0 && declared <= maxBodyBytes ? (int) declared : 1);
    }

    private static InetAddress addressOf(Request request) {
        try {
            return InetAddress.getByName(request.getRemoteAddr());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Runs the application on the worker that delivered the last byte; Jersey resumes the response when it commits. */
    private void runApplication(Exchange exchange, Request request, Response response) {
        try {
            application.service(request, response);
        } catch (Exception e) {
            // what Grizzly does with an exception thrown by a handler: its error page (ours, JSON)
            if (!exchange.resumed && !response.isCommitted()) {
                try {
                    response.reset();
                    HtmlHelper.setErrorAndSendErrorPage(request, response, response.getErrorPageGenerator(), 500,
                            "Internal Server Error", "Internal Server Error", e);
                } catch (IOException | RuntimeException ignored) {
                    // the connection is gone
                }
            }
        } finally {
            if (!exchange.resumed) {
                response.resume();
            }
        }
    }

    /** Answers with a SCIM error, resumes and closes the connection; only the first refusal answers. */
    private void fail(Exchange exchange, Request request, Response response, int status, String detail) {
        if (!exchange.state.compareAndSet(READING, FINISHED)) {
            return;
        }
        exchange.release();
        Connection<?> connection = request.getContext().getConnection();
        try {
            byte[] body = ScimErrorBodies.of(status, detail);
            String retryAfter = response.getHeader("Retry-After");
            response.reset();
            response.setStatus(status);
            if (retryAfter != null) {
                response.setHeader("Retry-After", retryAfter);
            }
            response.setHeader(RequestIdFilter.HEADER, GrizzlyRequestIds.of(request));
            response.setContentType(ScimErrorBodies.MEDIA_TYPE);
            response.setHeader(Header.Connection, "close");
            response.setContentLength(body.length);
            OutputStream out = response.getOutputStream();
            out.write(body);
        } catch (IOException | IllegalStateException ignored) {
            // the connection is gone
        }
        response.resume();
        // without this Grizzly keeps reading the rest of the body to drain it
        connection.closeSilently();
    }
}
