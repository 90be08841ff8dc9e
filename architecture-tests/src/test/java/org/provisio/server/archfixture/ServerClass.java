package org.provisio.server.archfixture;

/** What the server may do: see the HTTP stack, the adapters and the domain. No rule may flag it. */
public class ServerClass {
    jakarta.ws.archstub.Stub jakarta;
    org.glassfish.archstub.Stub glassfish;
    org.provisio.adapters.memory.InMemoryStore memory;
    org.provisio.domain.service.Provisioning domain;
}
