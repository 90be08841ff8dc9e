package org.provisio.adapters.jdbc;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
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

/** Every testkit suite against {@link JdbcStore}, once per database engine (see the subclasses). */
abstract class JdbcStoreContractTest {
    private final List<String> urls = new ArrayList<>();
    private final List<JdbcStore> stores = new ArrayList<>();

    abstract TestDatabase database();

    Store newStore(Clock clock) {
        String url = database().createUrl();
        urls.add(url);
        JdbcStore store = JdbcStore.open(database().settings(url));
        stores.add(store);
        return store;
    }

    @AfterEach
    void dropDatabases() {
        stores.forEach(JdbcStore::close);
        urls.forEach(database()::drop);
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
    class OutboxDispatch extends OutboxDispatchScenarios {
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
}
