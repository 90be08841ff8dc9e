package org.provisio.adapters.memory;

import java.time.Clock;
import java.util.List;
import org.provisio.domain.port.Store;
import org.provisio.testkit.ObjectGraphText;
import org.provisio.testkit.StoreSuite;

/** Every testkit suite against {@link InMemoryStore}. */
class InMemoryStoreContractTest extends StoreSuite {
    @Override
    protected Store newStore(Clock clock) {
        return InMemoryStore.create();
    }

    @Override
    protected List<String> everythingStored(Store store) {
        return ObjectGraphText.of(store);
    }
}
