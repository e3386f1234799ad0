package io.ttx.testsupport;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The OpenAPI contract (frontend-api-spec) as a checker: does a response (method, path, status, content type,
 * body) match what the contract documents? Schemas are validated as JSON Schema 2020-12 (OpenAPI 3.1's dialect),
 * $refs resolved inside the contract; undocumented fields fail wherever a schema says additionalProperties: false.
 */
public final class OpenApiContract {
    private static final String BASE = "https://contract.ttx.test/openapi.json";
    private static volatile @Nullable OpenApiContract instance;
    private static volatile @Nullable OpenApiContract federation;

    private final JsonNode root;
    private final SchemaRegistry registry;
    private final List<Map.Entry<Pattern, String>> templates = new ArrayList<>();
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final JsonMapper json = JsonMapper.builder().build();

    private OpenApiContract(String resource) throws Exception {
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is not on the class path");
            root = new YAMLMapper().readTree(in);
        }
        String doc = json.writeValueAsString(root);
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemas(Map.of(BASE, doc)));
        for (Iterator<String> it = root.path("paths").propertyNames().iterator(); it.hasNext(); ) {
            String template = it.next();
            String regex = "^" + Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "$";
            templates.add(Map.entry(Pattern.compile(regex), template));
        }
    }

    /** The contract with the front end (openapi.yaml). */
    public static OpenApiContract get() {
        if (instance == null) {
            synchronized (OpenApiContract.class) {
                if (instance == null) instance = load("openapi/openapi.yaml");
            }
        }
        return instance;
    }

    /** The voucher federation's protocol between platforms (voucher-federation.yaml). */
    public static OpenApiContract federation() {
        if (federation == null) {
            synchronized (OpenApiContract.class) {
                if (federation == null) federation = load("openapi/voucher-federation.yaml");
            }
        }
        return federation;
    }

    /** The contract that documents a path: the federation's for {@code /federation/}, the front end's otherwise. */
    public static OpenApiContract forPath(String path) {
        return path.startsWith("/federation/") ? federation() : get();
    }

    private static OpenApiContract load(String resource) {
        try {
            return new OpenApiContract(resource);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public JsonNode root() {
        return root;
    }

    /** Violations of the contract by one response; empty when it conforms. */
    public List<String> check(String method, String path, int status, @Nullable String contentType, String body) {
        List<String> out = new ArrayList<>();
        String template = template(path);
        String what = method + " " + path + " -> " + status;
        if (template == null) {
            if (status < 400) out.add(what + ": path is not in the contract");
            else out.addAll(validate("#/components/schemas/Problem", body, what));
            return out;
        }
        JsonNode op = root.path("paths").path(template).path(method.toLowerCase(java.util.Locale.ROOT));
        if (op.isMissingNode()) {
            if (status == 405 || status == 401 || status == 403) out.addAll(validate("#/components/schemas/Problem", body, what));
            else out.add(what + ": method is not documented for " + template);
            return out;
        }
        String responsePointer = "#/paths/" + escape(template) + "/" + method.toLowerCase(java.util.Locale.ROOT) + "/responses/" + status;
        JsonNode response = op.path("responses").path(String.valueOf(status));
        if (response.isMissingNode()) {
            out.add(what + ": status " + status + " is not documented for " + method + " " + template);
            return out;
        }
        if (response.has("$ref")) {
            responsePointer = response.get("$ref").asString();
            response = at(responsePointer);
        }
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (!body.isEmpty()) out.add(what + ": documented without a body but has one");
            return out;
        }
        String type = contentType == null ? "" : contentType.split(";")[0].trim();
        if (!content.has(type)) {
            out.add(what + ": content type '" + type + "' is not documented (" + content.propertyNames() + ")");
            return out;
        }
        if (type.contains("json") && content.path(type).has("schema")) {
            out.addAll(validate(responsePointer + "/content/" + escape(type) + "/schema", body, what));
        }
        return out;
    }

    /** Validates a JSON text against the schema at a JSON pointer of the contract ("#/components/schemas/X"). */
    public List<String> validate(String pointer, String jsonText, String what) {
        Schema schema = schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(BASE + p)));
        JsonNode node;
        try {
            node = json.readTree(jsonText.isEmpty() ? "null" : jsonText);
        } catch (Exception e) {
            return List.of(what + ": body is not JSON: " + abbreviate(jsonText));
        }
        List<Error> errors = schema.validate(node);
        return errors.stream().map(e -> what + ": " + e.getInstanceLocation() + " " + e.getMessage() + " in " + abbreviate(jsonText)).toList();
    }

    private @Nullable String template(String path) {
        for (Map.Entry<Pattern, String> t : templates) {
            if (t.getKey().matcher(path).matches()) return t.getValue();
        }
        return null;
    }

    private JsonNode at(String pointer) {
        return root.at(pointer.substring(1));
    }

    static String escape(String s) {
        return s.replace("~", "~0").replace("/", "~1");
    }

    private static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }
}
