package org.glassfish.grizzly.archstub;

/** A stand-in for a class of org.glassfish.grizzly, for the rules to flag. */
public class Stub {
}
