package com.zaxxer.archstub;

/** Stands in for a class of {@code com.zaxxer} so that architecture rules can be shown to catch it. */
public final class Stub {
}
