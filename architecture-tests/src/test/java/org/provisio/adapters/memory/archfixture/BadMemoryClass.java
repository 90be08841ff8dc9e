package org.provisio.adapters.memory.archfixture;

/** Breaks the adapter rules: it sees the other adapter, the server, the HTTP edge and the HTTP stack. */
public class BadMemoryClass {
    org.provisio.adapters.jdbc.archfixture.BadJdbcClass jdbc;
    org.provisio.server.archfixture.ServerClass server;
    org.glassfish.archstub.Stub glassfish;
    org.provisio.jaxrs.archfixture.JaxrsClass edge;
}
