package org.provisio.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;
import org.provisio.domain.port.Store;

class ProvisioningBuildTest {
    /**
     * Building the domain asks nothing of the store: a server opens its store (migrations included)
     * while it builds the domain and answers health probes, so a build that waited for the store
     * would hang start-up until the store opened, or forever if it never does.
     */
    @Test
    void buildingTheDomainAsksNothingOfTheStore() {
        List<String> asked = new ArrayList<>();
        Store unopened = (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class},
                (proxy, method, args) -> {
                    asked.add(method.getName());
                    throw new IllegalStateException("the store is not open yet");
                });

        Provisioning provisioning = Provisioning.builder(unopened).build();

        assertThat(asked).isEmpty();
        assertThatThrownBy(() -> provisioning.getUser().get(TenantId.of("t"), UserId.of("u")))
                .hasMessage("the store is not open yet");
        assertThat(asked).isNotEmpty();
    }
}
