package org.provisio.adapters.memory;

import java.time.Clock;
import org.provisio.domain.port.Store;
import org.provisio.testkit.StoreSuite;

/** Every testkit suite against {@link InMemoryStore}. */
class InMemoryStoreContractTest extends StoreSuite {
    @Override
    protected Store newStore(Clock clock) {
        return InMemoryStore.create();
    }
}
