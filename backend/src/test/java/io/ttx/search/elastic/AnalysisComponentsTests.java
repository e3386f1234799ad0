package io.ttx.search.elastic;

import io.ttx.search.SearchProperties;
import io.ttx.search.elastic.AnalysisNames.Kind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index definitions use only analysis components a real cluster has (Elasticsearch 9's bundled analysis plus the
 * official analysis-smartcn and analysis-icu plugins, {@link RealClusterAnalysis}), and the dev node's own analysis
 * module registers no name production lacks: a mapping that works on the dev node then works on a cluster.
 */
class AnalysisComponentsTests {
    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("..").normalize();
    private static final Path INDICES = ROOT.resolve("backend/src/main/java/io/ttx/search/elastic");
    private static final Path DEV_NODE_MODULE = ROOT.resolve("infra/devstack/src/main/java/io/ttx/devstack/esplugin/ExtraAnalysisPlugin.java");
    private static final Map<String, Kind> DEV_NODE_GETTERS = Map.of("getAnalyzers", Kind.ANALYZER, "getTokenizers", Kind.TOKENIZER,
        "getTokenFilters", Kind.FILTER, "getCharFilters", Kind.CHAR_FILTER);
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyComponentTheIndexDefinitionsNameExistsInARealCluster() {
        List<String> resources = mappingResources();
        assertThat(resources).contains("search/achievements-mappings.json", "search/demands-mappings.json");
        for (String resource : resources) {
            Map<Kind, Set<String>> named = named(IndexDefinition.load(json, props(), resource).json());
            assertThat(named.get(Kind.ANALYZER)).as(resource + " analysers").contains("custom");
            assertThat(named.get(Kind.TOKENIZER)).as(resource + " tokenizers").isNotEmpty();
            assertThat(named.get(Kind.FILTER)).as(resource + " filters").isNotEmpty();
            assertThat(RealClusterAnalysis.unknown(named)).as(resource + ": components no real cluster has").isEmpty();
        }
    }

    @Test
    void theDevNodesOwnAnalysisModuleRegistersOnlyNamesOfARealCluster() {
        Map<Kind, Set<String>> registered = devNodeRegistrations();
        // the parse must find what the module obviously registers, or an empty result would pass for a clean one
        assertThat(registered.get(Kind.ANALYZER)).contains("smartcn");
        assertThat(registered.get(Kind.TOKENIZER)).contains("smartcn_tokenizer");
        assertThat(registered.get(Kind.FILTER)).contains("smartcn_stop", "synonym_graph");
        assertThat(registered.get(Kind.CHAR_FILTER)).contains("icu_normalizer");
        assertThat(RealClusterAnalysis.unknown(registered)).as("dev node names no real cluster has").isEmpty();
    }

    @Test
    void anInventedComponentAnywhereInADefinitionIsReported() {
        String body = """
            {"settings": {"analysis": {
              "filter": {"mine": {"type": "smartcn_foo"}},
              "char_filter": {"strip": {"type": "html_strip"}},
              "analyzer": {"a": {"tokenizer": "smartcn_bar", "filter": ["lowercase", "mine", {"type": "icu_folding"}],
                                 "char_filter": ["strip", "zh_width"]}},
              "normalizer": {"n": {"type": "custom", "filter": ["lowercase"]}}}},
             "mappings": {"properties": {"t": {"type": "text", "analyzer": "a", "search_analyzer": "klingon",
                                               "fields": {"k": {"type": "keyword", "normalizer": "n"}}}}}}""";
        Map<Kind, Set<String>> named = named(body);
        assertThat(named.get(Kind.FILTER)).containsExactlyInAnyOrder("smartcn_foo", "lowercase", "icu_folding");
        assertThat(RealClusterAnalysis.unknown(named)).isEqualTo(Map.of(Kind.FILTER, Set.of("smartcn_foo"),
            Kind.TOKENIZER, Set.of("smartcn_bar"), Kind.CHAR_FILTER, Set.of("zh_width"), Kind.ANALYZER, Set.of("klingon")));
    }

    private Map<Kind, Set<String>> named(String body) {
        JsonNode tree = json.readTree(body);
        return AnalysisNames.of(tree);
    }

    /** The mappings every index class of the backend is built from, as named in its source. */
    private static List<String> mappingResources() {
        Pattern literal = Pattern.compile("\"(search/[^\"]+-mappings\\.json)\"");
        try (Stream<Path> files = Files.list(INDICES)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                .flatMap(f -> literal.matcher(read(f)).results().map(m -> m.group(1))).distinct().sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names the dev node's module registers: the string keys of each getter's map (the module is not on this class path). */
    private static Map<Kind, Set<String>> devNodeRegistrations() {
        String source = read(DEV_NODE_MODULE);
        Pattern key = Pattern.compile("(?:Map\\.entry\\(|Map\\.of\\(|^)\\s*\"([A-Za-z_]+)\",", Pattern.MULTILINE);
        Map<Kind, Set<String>> registered = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) registered.put(kind, new TreeSet<>());
        DEV_NODE_GETTERS.forEach((getter, kind) -> {
            int start = source.indexOf(" " + getter + "() {");
            assertThat(start).as(getter + " in " + DEV_NODE_MODULE).isPositive();
            String body = source.substring(start, source.indexOf("\n    }\n", start));
            Matcher m = key.matcher(body);
            while (m.find()) registered.get(kind).add(m.group(1));
        });
        return registered;
    }

    private static SearchProperties props() {
        return new SearchProperties(null, null, null, 0, 1, -1, 0, null);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
