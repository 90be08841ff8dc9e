package org.provisio.testkit;

import java.time.Clock;
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
 * }
 * }</pre>
 */
public abstract class StoreSuite {
    /** A new, empty store of the adapter under test; called once per test. */
    protected abstract Store newStore(Clock clock);

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
    public class CredentialUseCases extends CredentialScenarios {
        @Override
        protected Store createStore(Clock clock) {
            return newStore(clock);
        }
    }
}
