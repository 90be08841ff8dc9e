package org.provisio.domain.archfixture;

import org.provisio.adapters.memory.InMemoryStore;

/** Breaks every rule about the domain: infrastructure, Jackson, Micrometer and an outward dependency. */
public class BadDomainClass {
    java.sql.Connection connection;
    javax.sql.DataSource dataSource;
    jakarta.ws.archstub.Stub jakarta;
    javax.ws.archstub.Stub jaxRs;
    org.glassfish.archstub.Stub glassfish;
    com.zaxxer.archstub.Stub hikari;
    org.flywaydb.archstub.Stub flyway;
    com.fasterxml.jackson.archstub.Stub jackson;
    InMemoryStore adapter;
    io.micrometer.archstub.Stub micrometer;
}
