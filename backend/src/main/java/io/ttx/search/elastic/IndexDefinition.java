package io.ttx.search.elastic;

import co.elastic.clients.json.JsonData;
import io.ttx.search.SearchProperties;
import org.springframework.core.io.DefaultResourceLoader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * What an index of one alias is created with: the shared settings (analysis, synonyms from their file, replicas) and
 * the alias's mappings, with the definition's hash in the mappings' {@code _meta} so a later start can tell whether
 * an index was built from another definition (then a reindex is due).
 *
 * @param json the create-index body
 * @param hash the definition's hash (of the body without it)
 */
record IndexDefinition(String json, String hash) {
    private static final String HASH = "definitionHash";

    static IndexDefinition load(JsonMapper json, SearchProperties props, String mappingsResource) {
        String hash = sha256(body(json, props, mappingsResource, "").toString());
        return new IndexDefinition(body(json, props, mappingsResource, hash).toString(), hash);
    }

    /** Whether an index whose mappings carry this {@code _meta} was built from this definition. */
    boolean built(Map<String, JsonData> meta) {
        JsonData stored = meta.get(HASH);
        return stored != null && hash.equals(stored.to(String.class));
    }

    private static ObjectNode body(JsonMapper json, SearchProperties props, String mappingsResource, String hash) {
        ObjectNode settings = (ObjectNode) json.readTree(resource("classpath:search/index-settings.json"));
        settings.put("number_of_replicas", props.replicas());
        ArrayNode synonyms = ((ObjectNode) settings.get("analysis").get("filter").get("ttx_synonyms")).putArray("synonyms");
        for (String line : resource(props.synonyms()).split("\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) synonyms.add(l);
        }
        ObjectNode mappings = (ObjectNode) json.readTree(resource("classpath:" + mappingsResource));
        if (!hash.isEmpty()) mappings.putObject("_meta").put(HASH, hash);
        ObjectNode out = json.createObjectNode();
        out.set("settings", settings);
        out.set("mappings", mappings);
        return out;
    }

    private static String resource(String location) {
        try (InputStream in = new DefaultResourceLoader().getResource(location).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + location, e);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
