package org.provisio.adapters.jdbc;

/** The testkit suites on a fresh database of the embedded PostgreSQL per test. */
class PostgresStoreContractTest extends JdbcStoreContractTest {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
