/**
 * Contract suites that every storage adapter runs (STYLE.md §9): extend
 * {@link org.provisio.testkit.StoreContract}'s subclasses and implement
 * {@link org.provisio.testkit.StoreContract#createStore(java.time.Clock)}. The same cases,
 * including the shared {@link org.provisio.testkit.UserFilterTable}, run against memory, H2 and
 * PostgreSQL. {@link org.provisio.testkit.LifecycleScenarios} drives the domain's use cases
 * end to end over a store with a {@link org.provisio.testkit.MutableClock}.
 */
package org.provisio.testkit;
