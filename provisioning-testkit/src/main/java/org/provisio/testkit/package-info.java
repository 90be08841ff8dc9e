/**
 * Contract suites that every storage adapter runs (STYLE.md §9): an adapter's test extends
 * {@link org.provisio.testkit.StoreSuite} and says how to make a fresh store, and every suite —
 * the port contracts ({@link org.provisio.testkit.UsersContract}, {@link org.provisio.testkit.RowLocksContract},
 * {@link org.provisio.testkit.OutboxContract}...), the shared {@link org.provisio.testkit.UserFilterTable}
 * and the scenarios that drive the domain's use cases end to end over the store with a
 * {@link org.provisio.testkit.MutableClock} (provisioning, invitations, suspension and restore,
 * retention purge, hard delete, and the {@linkplain org.provisio.testkit.LifecycleRaceScenarios race table})
 * — runs against memory, H2 and PostgreSQL alike.
 */
package org.provisio.testkit;
