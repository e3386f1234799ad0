package io.ttx.valuation;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;

/**
 * Reads a decimal string and nothing else. Jackson would otherwise turn the JSON number 0.12 into the string "0.12"
 * silently; amounts, rates and probabilities must be strings so that no client loses digits to binary floating
 * point, hence a number (or boolean, object, array) is a 400 naming the field. Whether the string is a decimal is
 * checked later, as a 422 naming the field (see {@code InputMapper}).
 */
final class DecimalText extends StdDeserializer<String> {

    DecimalText() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            return p.getString();
        }
        return (String) ctxt.handleUnexpectedToken(String.class, p);
    }
}
