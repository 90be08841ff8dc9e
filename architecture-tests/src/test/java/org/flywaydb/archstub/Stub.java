package org.flywaydb.archstub;

/** Stands in for a class of {@code org.flywaydb} so that architecture rules can be shown to catch it. */
public final class Stub {
}
