package org.provisio.testkit;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every string reachable from an object, for a scan of an in-memory store's state: the fields of
 * the store's own classes (any package under {@code org.provisio}, records included) are read
 * reflectively, collections, maps, arrays and {@code Optional}s through their public API, byte
 * arrays as UTF-8, char arrays as text, and any other JDK object by its {@code toString()} only when it is a
 * {@link CharSequence}. Locks, thread locals and other JDK machinery hold no data and are skipped.
 */
public final class ObjectGraphText {
    private static final String OWN_PACKAGES = "org.provisio.";

    private ObjectGraphText() {
    }

    /** The strings reachable from {@code root}, each once per place it is held. */
    public static List<String> of(Object root) {
        List<String> out = new ArrayList<>();
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Object> todo = new ArrayList<>();
        todo.add(root);
        while (!todo.isEmpty()) {
            Object o = todo.remove(todo.size() - 1);
            if (o == null || o instanceof Number || o instanceof Boolean || o instanceof Character
                    || o instanceof Enum<?> || !seen.add(o)) {
                continue;
            }
            if (o instanceof CharSequence text) {
                out.add(text.toString());
            } else if (o instanceof byte[] bytes) {
                out.add(new String(bytes, StandardCharsets.UTF_8));
            } else if (o instanceof char[] chars) {
                out.add(new String(chars));
            } else if (o.getClass().isArray()) {
                if (!o.getClass().getComponentType().isPrimitive()) {
                    for (int i = 0; i < Array.getLength(o); i++) {
                        todo.add(Array.get(o, i));
                    }
                }
            } else if (o instanceof Map<?, ?> map) {
                synchronized (map) {
                    map.forEach((k, v) -> {
                        todo.add(k);
                        todo.add(v);
                    });
                }
            } else if (o instanceof Collection<?> collection) {
                synchronized (collection) {
                    collection.forEach(todo::add);
                }
            } else if (o instanceof Optional<?> optional) {
                optional.ifPresent(todo::add);
            } else if (o.getClass().getName().startsWith(OWN_PACKAGES)) {
                for (Class<?> c = o.getClass(); c != null && c.getName().startsWith(OWN_PACKAGES); c = c.getSuperclass()) {
                    for (Field f : c.getDeclaredFields()) {
                        if (Modifier.isStatic(f.getModifiers())) {
                            continue;
                        }
                        f.setAccessible(true);
                        try {
                            todo.add(f.get(o));
                        } catch (IllegalAccessException e) {
                            throw new IllegalStateException("cannot read " + f, e);
                        }
                    }
                }
            }
        }
        return out;
    }
}
