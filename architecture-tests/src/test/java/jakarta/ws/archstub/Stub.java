package jakarta.ws.archstub;

/** Stands in for a class of {@code jakarta.ws} so that architecture rules can be shown to catch it. */
public final class Stub {
}
