package io.ttx.valuation;

import io.ttx.valuation.ValuationInput.Adjustment;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.ser.std.StdSerializer;

import java.util.ArrayList;
import java.util.List;

/** JSON {@code {"date": "1.05", "similarity": "0.9"}} to and from an ordered list of {@link Adjustment}s. */
final class Adjustments {
    private Adjustments() { }

    static final class Reader extends StdDeserializer<List<Adjustment>> {
        private final DecimalText factor = new DecimalText();

        Reader() {
            super(List.class);
        }

        @Override
        public List<Adjustment> deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                @SuppressWarnings("unchecked")
                List<Adjustment> never = (List<Adjustment>) ctxt.handleUnexpectedToken(List.class, p);
                return never;
            }
            List<Adjustment> out = new ArrayList<>();
            for (String name = p.nextName(); name != null; name = p.nextName()) {
                JsonToken value = p.nextToken();
                String text;
                try {
                    text = value == JsonToken.VALUE_NULL ? null : factor.deserialize(p, ctxt);
                } catch (DatabindException e) {
                    e.prependPath(out, name);
                    throw e;
                }
                out.add(new Adjustment(name, text));
            }
            return out;
        }
    }

    static final class Writer extends StdSerializer<List<Adjustment>> {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Writer() {
            super((Class<List<Adjustment>>) (Class) List.class);
        }

        @Override
        public void serialize(List<Adjustment> value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeStartObject();
            for (Adjustment a : value) {
                gen.writeName(a.name());
                if (a.factor() == null) gen.writeNull();
                else gen.writeString(a.factor());
            }
            gen.writeEndObject();
        }
    }
}
