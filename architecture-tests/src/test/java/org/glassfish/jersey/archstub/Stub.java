package org.glassfish.jersey.archstub;

/** A stand-in for a class of org.glassfish.jersey, for the rules to flag. */
public class Stub {
}
