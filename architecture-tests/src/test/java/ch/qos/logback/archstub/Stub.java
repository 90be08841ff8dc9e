package ch.qos.logback.archstub;

/** A stand-in for a class of ch.qos.logback, for the rules to flag. */
public class Stub {
}
