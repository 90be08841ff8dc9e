package org.provisio.adapters.memory;

import java.time.Clock;
import org.junit.jupiter.api.Nested;
import org.provisio.domain.port.Store;
import org.provisio.testkit.AuditLogContract;
import org.provisio.testkit.CredentialScenarios;
import org.provisio.testkit.CredentialsContract;
import org.provisio.testkit.GroupScenarios;
import org.provisio.testkit.GroupsContract;
import org.provisio.testkit.InvitationsContract;
import org.provisio.testkit.LifecycleScenarios;
import org.provisio.testkit.OutboxContract;
import org.provisio.testkit.OutboxDispatchScenarios;
import org.provisio.testkit.UnitOfWorkContract;
import org.provisio.testkit.UserQueryContract;
import org.provisio.testkit.UsersContract;

/** Every testkit suite against {@link InMemoryStore}. */
class InMemoryStoreContractTest {

    static Store newStore(Clock clock) {
        return InMemoryStore.create();
    }

    @Nested
    class Users extends UsersContract {
        @Override
        protected Store createStore(Clock clock) {
            return newStore(clock);
        }
    }

    @Nested
    class Queries extends UserQueryContract {
        @Override
        protected Store createStore(Clock clock) {
            return newStore(clock);
        }
    }

    @Nested
    class Groups extends GroupsContract {
        @Override
        protected Store createStore(Clock clock) {
            return newStore(clock);
        }
    }

    @Nested
    class Invitations extends InvitationsContract {
        @Override
        protected Store createStore(Clock clock) {
            return newStore(clock);
        }
    }

    @Nested
    class Credentials extends CredentialsContract {
        @Override
        protected Store createStore(Clock clock) {
            return newStore(clock);
        }
    }

    @Nested
    class Outbox extends OutboxContract {
        @Override
        protected Store createStore(Clock clock) {
            return newStore(clock);
        }
    }

    @Nested
    class AuditLog extends AuditLogContract {
        @Override
        protected Store createStore(Clock clock) {
            return newStore(clock);
        }
    }

    @Nested
    class UnitOfWork extends UnitOfWorkContract {
        @Override
        protected Store createStore(Clock clock) {
            return newStore(clock);
        }
    }

    @Nested
    class GroupUseCases extends GroupScenarios {
        @Override
        protected Store createStore(Clock clock) {
            return newStore(clock);
        }
    }

    @Nested
    class Lifecycle extends LifecycleScenarios {
        @Override
        protected Store createStore(Clock clock) {
            return newStore(clock);
        }
    }

    @Nested
    class CredentialUseCases extends CredentialScenarios {
        @Override
        protected Store createStore(Clock clock) {
            return newStore(clock);
        }
    }

    @Nested
    class OutboxDispatch extends OutboxDispatchScenarios {
        @Override
        protected Store createStore(Clock clock) {
            return newStore(clock);
        }
    }
}
