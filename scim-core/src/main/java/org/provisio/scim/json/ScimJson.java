package org.provisio.scim.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.resource.BinaryValue;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.DateTimeValue;
import org.provisio.scim.resource.DecimalValue;
import org.provisio.scim.resource.IntegerValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.NullValue;
import org.provisio.scim.resource.ReferenceValue;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.resource.Value;

/**
 * The JSON codec: request bytes to {@link ComplexValue} and values back to bytes, with Jackson's
 * streaming API kept inside this package.
 *
 * <p>Reading is schema-free: strings stay {@link StringValue}s, numbers become
 * {@link IntegerValue} or {@link DecimalValue}, and explicit {@code null}s are kept as
 * {@link NullValue} so that PATCH can see them; {@code SchemaValidator} gives values their
 * schema types afterwards. Malformed JSON, a body that is not an object, nesting deeper than
 * {@value #MAX_DEPTH} or a string longer than {@value #MAX_STRING_LENGTH} characters is an
 * {@code invalidSyntax} error.
 */
public final class ScimJson {
    /** The deepest nesting of objects and arrays a request may have. */
    public static final int MAX_DEPTH = 32;
    /** The most attributes one JSON object may have; no SCIM object comes near it. */
    public static final int MAX_OBJECT_SIZE = 1_000;
    /** The longest string value a request may have. */
    public static final int MAX_STRING_LENGTH = 1_000_000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNumberLength(64)
                    .build())
            .build();

    private ScimJson() {
    }

    /** Reads a JSON object. */
    public static ComplexValue readObject(byte[] json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            return readTopLevel(p);
        } catch (IOException e) {
            throw syntax(e);
        }
    }

    /** Reads a JSON object from a string. */
    public static ComplexValue readObject(String json) {
        return readObject(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a JSON object from a stream; the stream is not closed. */
    public static ComplexValue readObject(InputStream json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            return readTopLevel(p);
        } catch (IOException e) {
            throw syntax(e);
        }
    }

    private static ComplexValue readTopLevel(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw ScimException.invalidSyntax("The request body is empty; a JSON object was expected");
        }
        if (t != JsonToken.START_OBJECT) {
            throw ScimException.invalidSyntax("The request body must be a JSON object");
        }
        ComplexValue object = readObjectBody(p);
        if (p.nextToken() != null) {
            throw ScimException.invalidSyntax("Unexpected content after the JSON object at line "
                    + p.currentLocation().getLineNr() + ", column " + p.currentLocation().getColumnNr());
        }
        return object;
    }

    private static ComplexValue readObjectBody(JsonParser p) throws IOException {
        ComplexValue.Builder b = ComplexValue.builder();
        JsonToken t;
        int fields = 0;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            if (++fields > MAX_OBJECT_SIZE) {
                // names are matched case-insensitively by scanning, so an unbounded object would
                // cost quadratic time: refuse it instead
                throw ScimException.invalidSyntax("A JSON object may have at most " + MAX_OBJECT_SIZE + " attributes");
            }
            String name = checkedText(p.currentName());
            p.nextToken();
            b.putKeepingNull(name, readValue(p));
        }
        if (t != JsonToken.END_OBJECT) {
            throw ScimException.invalidSyntax("Malformed JSON object");
        }
        return b.build();
    }

    private static Value readValue(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT:
                return readObjectBody(p);
            case START_ARRAY: {
                List<Value> values = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    values.add(readValue(p));
                }
                return new MultiValue(values);
            }
            case VALUE_STRING:
                return StringValue.of(checkedText(p.getText()));
            case VALUE_NUMBER_INT:
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    return DecimalValue.of(new BigDecimal(p.getBigIntegerValue()));
                }
                return IntegerValue.of(p.getLongValue());
            case VALUE_NUMBER_FLOAT:
                return DecimalValue.of(p.getDecimalValue());
            case VALUE_TRUE:
                return BooleanValue.TRUE;
            case VALUE_FALSE:
                return BooleanValue.FALSE;
            case VALUE_NULL:
                return NullValue.INSTANCE;
            default:
                throw ScimException.invalidSyntax("Unexpected JSON token " + t);
        }
    }

    /**
     * Refuses U+0000: no SCIM attribute needs it, and PostgreSQL cannot store it in text, so
     * letting it in would turn a client's mistake into a server error later.
     */
    /**
     * Text as the stores can keep it: no U+0000 (PostgreSQL refuses it) and no unpaired UTF-16
     * surrogate (a {@code "\\ud800"} escape is not a character: stored as {@code ?} it would make
     * two different names equal).
     */
    private static String checkedText(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char ch = s.charAt(i);
            if (ch == '\u0000') {
                throw ScimException.invalidValue("The request contains the character U+0000, which is not allowed");
            }
            if (Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(ch)) {
                throw ScimException.invalidSyntax("The request contains an unpaired UTF-16 surrogate (\\u"
                        + Integer.toHexString(ch) + ") at character " + i + " of a string: not valid Unicode");
            }
        }
        return s;
    }

    private static ScimException syntax(IOException e) {
        if (e instanceof StreamConstraintsException) {
            return ScimException.invalidSyntax("The request body exceeds a limit: nesting deeper than "
                    + MAX_DEPTH + " levels or a value longer than " + MAX_STRING_LENGTH + " characters");
        }
        if (e instanceof JsonProcessingException jpe && jpe.getLocation() != null) {
            return ScimException.invalidSyntax("Malformed JSON at line " + jpe.getLocation().getLineNr()
                    + ", column " + jpe.getLocation().getColumnNr() + ": " + jpe.getOriginalMessage()
                    .replaceAll("\\s+", " "));
        }
        return ScimException.invalidSyntax("Malformed JSON: " + e.getMessage());
    }

    /** Writes a complex value as a JSON object. */
    public static byte[] write(ComplexValue value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        write(value, out);
        return out.toByteArray();
    }

    /** Writes a complex value as a JSON string. */
    public static String writeString(ComplexValue value) {
        return new String(write(value), StandardCharsets.UTF_8);
    }

    /** Writes a complex value as a JSON object to a stream; the stream is not closed. */
    public static void write(ComplexValue value, OutputStream out) {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            writeValue(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeValue(JsonGenerator g, Value value) throws IOException {
        try {
            value.accept(new Writer(g));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Writes one value with the generator; I/O failures travel as {@link UncheckedIOException}. */
    private static final class Writer implements Value.Visitor<Void> {
        private final JsonGenerator g;

        Writer(JsonGenerator g) {
            this.g = g;
        }

        private Void io(IoAction action) {
            try {
                action.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        }

        @Override
        public Void visitString(StringValue v) {
            return io(() -> g.writeString(v.value()));
        }

        @Override
        public Void visitBoolean(BooleanValue v) {
            return io(() -> g.writeBoolean(v.value()));
        }

        @Override
        public Void visitInteger(IntegerValue v) {
            return io(() -> g.writeNumber(v.value()));
        }

        @Override
        public Void visitDecimal(DecimalValue v) {
            return io(() -> g.writeNumber(v.value()));
        }

        @Override
        public Void visitDateTime(DateTimeValue v) {
            return io(() -> g.writeString(v.asText()));
        }

        @Override
        public Void visitBinary(BinaryValue v) {
            return io(() -> g.writeString(v.base64()));
        }

        @Override
        public Void visitReference(ReferenceValue v) {
            return io(() -> g.writeString(v.uri()));
        }

        @Override
        public Void visitComplex(ComplexValue c) {
            return io(() -> {
                g.writeStartObject();
                for (int i = 0; i < c.size(); i++) {
                    g.writeFieldName(c.nameAt(i));
                    c.valueAt(i).accept(this);
                }
                g.writeEndObject();
            });
        }

        @Override
        public Void visitMulti(MultiValue m) {
            return io(() -> {
                g.writeStartArray();
                for (Value v : m.values()) {
                    v.accept(this);
                }
                g.writeEndArray();
            });
        }

        @Override
        public Void visitNull(NullValue v) {
            return io(g::writeNull);
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
