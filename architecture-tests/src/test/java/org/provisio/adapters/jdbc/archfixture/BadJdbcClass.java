package org.provisio.adapters.jdbc.archfixture;

/** Breaks the adapter rules: it sees the other adapter, the server and Micrometer. */
public class BadJdbcClass {
    org.provisio.adapters.memory.archfixture.BadMemoryClass memory;
    org.provisio.server.archfixture.ServerClass server;
    io.micrometer.archstub.Stub micrometer;
}
