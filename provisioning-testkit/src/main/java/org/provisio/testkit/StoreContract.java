package org.provisio.testkit;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.provisio.domain.model.InvitationId;
import org.provisio.domain.model.Pending;
import org.provisio.domain.model.Tenant;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.User;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.UserName;
import org.provisio.domain.model.UserState;
import org.provisio.domain.port.Store;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.ScimResource;

/**
 * The base of every contract suite: a fresh store per test, a {@link MutableClock} at
 * {@link #T0} and two tenants. An adapter's test extends a suite and implements
 * {@link #createStore(Clock)}.
 */
public abstract class StoreContract {
    /** Where every test's clock starts. */
    public static final Instant T0 = Instant.parse("2024-03-01T09:00:00Z");

    private final AtomicLong ids = new AtomicLong();

    protected MutableClock clock;
    protected Store store;
    protected TenantId tenant;
    protected TenantId otherTenant;

    /** A new, empty store of the adapter under test. */
    protected abstract Store createStore(Clock clock);

    @BeforeEach
    void createStoreAndTenants() {
        clock = MutableClock.at(T0);
        store = createStore(clock);
        tenant = TenantId.of(nextId("tenant"));
        otherTenant = TenantId.of(nextId("tenant"));
        store.tenants().add(new Tenant(tenant, "Acme", T0));
        store.tenants().add(new Tenant(otherTenant, "Globex", T0));
    }

    /** A unique id with a readable prefix. */
    protected String nextId(String prefix) {
        return prefix + "-" + ids.incrementAndGet();
    }

    /** A pending user of {@link #tenant} with an empty profile, created now. */
    protected User user(String userName) {
        return user(tenant, userName, pending(), ComplexValue.EMPTY);
    }

    /** A user created now. */
    protected User user(TenantId owner, String userName, UserState state, ComplexValue profile) {
        return User.create(UserId.of(nextId("user")), owner, UserName.of(userName), Optional.empty(),
                ScimResource.of(profile), state, clock.instant());
    }

    /** A pending state with a fresh invitation id. */
    protected UserState pending() {
        return new Pending(InvitationId.of(nextId("inv")));
    }
}
