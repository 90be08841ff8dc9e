package org.provisio.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.TokenId;
import org.provisio.domain.service.Provisioning;
import org.provisio.domain.usecase.ProvisionUser;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.ScimResource;
import org.provisio.scim.resource.StringValue;

/**
 * The outbox dispatcher over a store: messages are delivered oldest first and once; a failed
 * delivery is retried after a delay, not before; a delivery interrupted by a crash (claimed,
 * never marked) is picked up again when the lease ends.
 */
public abstract class OutboxDispatchScenarios extends StoreContract {
    private Provisioning provisioning;
    private final List<OutboxMessage> sent = new ArrayList<>();
    private boolean down;

    @BeforeEach
    void wire() {
        provisioning = Provisioning.builder(store).clock(clock).build();
    }

    private void provision(String userName) {
        provisioning.provisionUser().provision(new ProvisionUser.Command(tenant, new Actor.Credential(TokenId.of("t")),
                ScimResource.of(ComplexValue.builder()
                        .put("schemas", MultiValue.of(StringValue.of("urn:ietf:params:scim:schemas:core:2.0:User")))
                        .put("userName", userName)
                        .put("emails", MultiValue.of(ComplexValue.of("value", StringValue.of(userName + "@example.com"))))
                        .build())));
    }

    private int dispatch() {
        return provisioning.dispatchOutbox(m -> {
            if (down) {
                throw new IllegalStateException("mail server down");
            }
            sent.add(m);
        }).dispatchDue();
    }

    @Test
    void deliversEachMessageOnceInCreationOrder() {
        provision("a");
        clock.advance(Duration.ofSeconds(1));
        provision("b");
        int delivered = dispatch();
        assertThat(delivered).isEqualTo(sent.size()).isGreaterThanOrEqualTo(4);
        assertThat(sent).extracting(OutboxMessage::createdAt).isSorted();
        assertThat(sent).filteredOn(m -> m.kind() == OutboxMessage.Kind.INVITATION_EMAIL)
                .extracting(m -> m.payload().get("userName")).containsExactly("a", "b");
        assertThat(dispatch()).isZero();
        assertThat(sent).hasSize(delivered);
    }

    @Test
    void aFailedDeliveryWaitsThenSucceeds() {
        provision("a");
        down = true;
        assertThat(dispatch()).isZero();
        down = false;
        assertThat(dispatch()).as("not retried before its delay").isZero();
        clock.advance(Duration.ofSeconds(13));
        assertThat(dispatch()).isGreaterThanOrEqualTo(2);
        assertThat(sent).extracting(OutboxMessage::kind).contains(OutboxMessage.Kind.INVITATION_EMAIL);
    }

    @Test
    void aDeliveryInterruptedByACrashIsPickedUpAfterTheLease() {
        provision("a");
        List<OutboxMessage> claimedByADeadInstance = store.outbox().claim(100, clock.instant(), Duration.ofMinutes(5));
        assertThat(claimedByADeadInstance).isNotEmpty();
        assertThat(dispatch()).isZero();
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(dispatch()).isEqualTo(claimedByADeadInstance.size());
    }
}
