package org.provisio.scim;

import org.provisio.scim.json.ScimJson;
import org.provisio.scim.resource.ComplexValue;

/** Test helper: JSON written with single quotes for readability. */
public final class Json {
    private Json() {
    }

    /** Parses JSON in which {@code '} stands for {@code "} (write {@code \\'} for a literal quote). */
    public static ComplexValue obj(String singleQuoted) {
        return ScimJson.readObject(singleQuoted.replace("\\'", "\u0000").replace('\'', '"').replace('\u0000', '\''));
    }
}
