package org.provisio.adapters.jdbc;

/** The testkit suites on an in-memory H2 database per test. */
class H2StoreContractTest extends JdbcStoreContractTest {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
