package com.fasterxml.jackson.archstub;

/** Stands in for a class of {@code com.fasterxml.jackson} so that architecture rules can be shown to catch it. */
public final class Stub {
}
