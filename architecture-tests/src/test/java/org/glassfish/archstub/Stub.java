package org.glassfish.archstub;

/** Stands in for a class of {@code org.glassfish} so that architecture rules can be shown to catch it. */
public final class Stub {
}
