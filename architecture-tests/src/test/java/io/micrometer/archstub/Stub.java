package io.micrometer.archstub;

/** Stands in for a class of {@code io.micrometer} so that architecture rules can be shown to catch it. */
public final class Stub {
}
