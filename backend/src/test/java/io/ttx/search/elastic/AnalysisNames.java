package io.ttx.search.elastic;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeType;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The analysis components a create-index body names, by kind: the {@code type} of every analyser, tokenizer, filter,
 * char filter and normalizer it defines, and every name its definitions and mappings use without defining it (a
 * built-in such as {@code standard}, {@code lowercase}, or an analyser named in a field's {@code analyzer}).
 */
final class AnalysisNames {
    /** A kind of component, spelled as in the settings' {@code analysis} section. */
    enum Kind {
        ANALYZER("analyzer"), TOKENIZER("tokenizer"), FILTER("filter"), CHAR_FILTER("char_filter"), NORMALIZER("normalizer");

        final String key;

        Kind(String key) {
            this.key = key;
        }
    }

    private static final Set<String> ANALYZER_FIELDS = Set.of("analyzer", "search_analyzer", "search_quote_analyzer");
    private final JsonNode analysis;
    private final Map<Kind, Set<String>> used = new EnumMap<>(Kind.class);

    private AnalysisNames(JsonNode analysis) {
        this.analysis = analysis;
        for (Kind kind : Kind.values()) used.put(kind, new TreeSet<>());
    }

    static Map<Kind, Set<String>> of(JsonNode body) {
        JsonNode settings = body.path("settings");
        JsonNode analysis = settings.path("analysis").isMissingNode() ? settings.path("index").path("analysis") : settings.path("analysis");
        AnalysisNames names = new AnalysisNames(analysis);
        for (Kind kind : Kind.values()) {
            for (Map.Entry<String, JsonNode> definition : analysis.path(kind.key).properties()) names.defined(kind, definition.getValue());
        }
        names.mappings(body.path("mappings"));
        return names.used;
    }

    private void defined(Kind kind, JsonNode definition) {
        used.get(kind).add(type(kind, definition));
        if (kind == Kind.ANALYZER || kind == Kind.NORMALIZER) {
            reference(Kind.TOKENIZER, definition.path("tokenizer"));
            list(definition.path("filter")).forEach(f -> reference(Kind.FILTER, f));
            list(definition.path("char_filter")).forEach(c -> reference(Kind.CHAR_FILTER, c));
        }
    }

    /** A name defined in this body counts through its type; any other name is a built-in; an object is an inline definition. */
    private void reference(Kind kind, JsonNode node) {
        if (node.isObject()) {
            defined(kind, node);
        } else if (node.getNodeType() == JsonNodeType.STRING && analysis.path(kind.key).path(node.asString()).isMissingNode()) {
            used.get(kind).add(node.asString());
        }
    }

    /** Every analyser and normalizer a field names, at any depth (sub-fields, objects, dynamic templates). */
    private void mappings(JsonNode node) {
        if (node.isArray()) {
            for (JsonNode element : node) mappings(element);
            return;
        }
        // a field may itself be called "analyzer": only a string value names one
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            boolean name = e.getValue().getNodeType() == JsonNodeType.STRING;
            if (name && ANALYZER_FIELDS.contains(e.getKey())) reference(Kind.ANALYZER, e.getValue());
            else if (name && e.getKey().equals("normalizer")) reference(Kind.NORMALIZER, e.getValue());
            else if (e.getValue().isContainer()) mappings(e.getValue());
        }
    }

    /** Elasticsearch takes an analyser or normalizer with a chain but no type as {@code custom}; anything else needs a type. */
    private static String type(Kind kind, JsonNode definition) {
        String type = definition.path("type").asString("");
        boolean chain = !definition.path("tokenizer").isMissingNode() || !definition.path("filter").isMissingNode();
        if (type.isEmpty() && chain && (kind == Kind.ANALYZER || kind == Kind.NORMALIZER)) return "custom";
        return type.isEmpty() ? "(no type)" : type;
    }

    private static List<JsonNode> list(JsonNode node) {
        if (node.isMissingNode()) return List.of();
        if (!node.isArray()) return List.of(node);
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode element : node) out.add(element);
        return out;
    }
}
