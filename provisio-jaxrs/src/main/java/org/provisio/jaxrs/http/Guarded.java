package org.provisio.jaxrs.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a Provisio resource class. Every resource Provisio registers carries it; the
 * {@link AccessFilter} reads it from the resource that routing matched, so that the decision is
 * taken on exactly what will run, whatever spelling of the path got there. A Provisio resource
 * without it is refused (deny by default).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Guarded {
    /** The realm whose credential the resource needs. */
    Realm value();
}
