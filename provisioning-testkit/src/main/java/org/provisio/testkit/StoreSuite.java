package org.provisio.testkit;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.provisio.domain.port.Store;

/**
 * Every contract suite and scenario of the testkit, as nested test classes, for one store adapter:
 * an adapter's test extends this class and says how to make a fresh store. JUnit runs the nested
 * classes of the subclass, so a suite added here runs on every adapter at once.
 *
 * <pre>{@code
 * class InMemoryStoreTest extends StoreSuite {
 *     protected Store newStore(Clock clock) { return InMemoryStore.create(); }
 *     protected List<String> everythingStored(Store store) { return ObjectGraphText.of(store); }
 * }
 * }</pre>
 */
public abstract class StoreSuite {
    /** A new, empty store of the adapter under test; called once per test. */
    protected abstract Store newStore(Clock clock);

    /**
     * Every text {@code store} holds now, wherever it holds it — each row of each table (all
     * columns as text), each string of an in-memory structure — for the erasure scenarios' scan
     * for personal data. What this does not return, the scan cannot see: return everything.
     */
    protected abstract List<String> everythingStored(Store store);

    @Nested
    public class Administration extends AdministrationContract {
        @Override
        protected Store createStore(Clock clock) {
            return newStore(clock);
        }
    }

    @Nested
    public class Users extends UsersContract {
        @Override
        protected Store createStore(Clock clock) {
            return newStore(clock);
        }
    }

    @Nested
    public class Queries extends UserQueryContract {
        @Override
        protected Store createStore(Clock clock) {
            return newStore(clock);
        }
    }

    @Nested
    public class CursorPaging extends CursorPagingContract {
        @Override
        protected Store createStore(Clock clock) {
            return newStore(clock);
        }
    }

    @Nested
    public class Groups extends GroupsContract {
        @Override
        protected Store createStore(Clock clock) {
            return newStore(clock);
        }
    }

    @Nested
    public class Invitations extends InvitationsContract {
        @Override
        protected Store createStore(Clock clock) {
            return newStore(clock);
        }
    }

    @Nested
    public class Credentials extends CredentialsContract {
        @Override
        protected Store createStore(Clock clock) {
            return newStore(clock);
        }
    }

    @Nested
    public class RowLocks extends RowLocksContract {
        @Override
        protected Store createStore(Clock clock) {
            return newStore(clock);
        }
    }

    @Nested
    public class Outbox extends OutboxContract {
        @Override
        protected Store createStore(Clock clock) {
            return newStore(clock);
        }
    }

    @Nested
    public class OutboxDispatch extends OutboxDispatchScenarios {
        @Override
        protected Store createStore(Clock clock) {
            return newStore(clock);
        }
    }

    @Nested
    public class AuditLog extends AuditLogContract {
        @Override
        protected Store createStore(Clock clock) {
            return newStore(clock);
        }
    }

    @Nested
    public class UnitOfWork extends UnitOfWorkContract {
        @Override
        protected Store createStore(Clock clock) {
            return newStore(clock);
        }
    }

    @Nested
    public class GroupUseCases extends GroupScenarios {
        @Override
        protected Store createStore(Clock clock) {
            return newStore(clock);
        }
    }

    @Nested
    public class ProvisioningUseCases extends ProvisioningScenarios {
        @Override
        protected Store createStore(Clock clock) {
            return newStore(clock);
        }
    }

    @Nested
    public class InvitationUseCases extends InvitationScenarios {
        @Override
        protected Store createStore(Clock clock) {
            return newStore(clock);
        }
    }

    @Nested
    public class SuspensionAndRestore extends SuspensionAndRestoreScenarios {
        @Override
        protected Store createStore(Clock clock) {
            return newStore(clock);
        }
    }

    @Nested
    public class RetentionPurge extends RetentionPurgeScenarios {
        @Override
        protected Store createStore(Clock clock) {
            return newStore(clock);
        }
    }

    @Nested
    public class HardDelete extends HardDeleteScenarios {
        @Override
        protected Store createStore(Clock clock) {
            return newStore(clock);
        }
    }

    @Nested
    public class LifecycleRaces extends LifecycleRaceScenarios {
        @Override
        protected Store createStore(Clock clock) {
            return newStore(clock);
        }
    }

    @Nested
    public class ConcurrentChanges extends ConcurrentChangeScenarios {
        @Override
        protected Store createStore(Clock clock) {
            return newStore(clock);
        }
    }

    @Nested
    public class Erasure extends ErasureScenarios {
        @Override
        protected Store createStore(Clock clock) {
            return newStore(clock);
        }

        @Override
        protected List<String> everythingStored(Store store) {
            return StoreSuite.this.everythingStored(store);
        }
    }

    @Nested
    public class ClientDeviations extends DeviationsContract {
        @Override
        protected Store createStore(Clock clock) {
            return newStore(clock);
        }
    }

    @Nested
    public class CredentialUseCases extends CredentialScenarios {
        @Override
        protected Store createStore(Clock clock) {
            return newStore(clock);
        }
    }
}
