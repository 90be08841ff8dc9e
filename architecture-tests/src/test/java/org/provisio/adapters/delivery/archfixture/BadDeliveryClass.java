package org.provisio.adapters.delivery.archfixture;

/** Breaks the adapter rules: it sees another adapter and the server. */
public class BadDeliveryClass {
    org.provisio.adapters.memory.archfixture.BadMemoryClass memory;
    org.provisio.server.archfixture.ServerClass server;
}
