package org.provisio.jaxrs.archfixture;

/**
 * Breaks the library rules of provisio-jaxrs: it sees an adapter, the reference server, JDBC, a
 * logging backend, Jersey itself, (outside org.provisio.jaxrs.grizzly) Grizzly and Micrometer.
 */
public class BadJaxrsClass {
    org.provisio.adapters.memory.InMemoryStore memory;
    org.provisio.server.archfixture.ServerClass server;
    java.sql.Connection connection;
    ch.qos.logback.archstub.Stub logback;
    org.glassfish.jersey.archstub.Stub jersey;
    org.glassfish.grizzly.archstub.Stub grizzly;
    io.micrometer.archstub.Stub micrometer;
}
