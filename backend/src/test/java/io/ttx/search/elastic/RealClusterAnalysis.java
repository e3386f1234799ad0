package io.ttx.search.elastic;

import io.ttx.search.elastic.AnalysisNames.Kind;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The analysis components of a real Elasticsearch 9 cluster with the official analysis-smartcn and analysis-icu
 * plugins, by kind. Neither the bundled analysis-common module nor the two plugins are published to Maven Central, and
 * the Elasticsearch jar is not on the backend's class path, so no test can ask their classes: the names are copied
 * from their registrations, one group per source. Left out: names refused for indices created on 8.0 or later
 * ({@code edgeNGram}, {@code nGram}), the removed {@code standard} filter, and components of other modules and X-Pack
 * (machine learning's tokenizers, for instance): the set errs on the side of refusing.
 */
final class RealClusterAnalysis {
    /**
     * Core, read from elasticsearch-9.5.3.jar (the dev node's version): {@code AnalysisModule} (setupAnalyzers,
     * setupTokenizers, setupTokenFilters with the pre-configured {@code lowercase}, setupNormalizers),
     * {@code PreBuiltAnalyzers}, {@code PreBuiltTokenizers}; {@code custom} is {@code AnalysisRegistry}'s.
     */
    private static final Map<Kind, Set<String>> CORE = Map.of(
        Kind.ANALYZER, Set.of("custom", "default", "standard", "keyword", "stop", "whitespace", "simple", "classic"),
        Kind.TOKENIZER, Set.of("standard"),
        Kind.FILTER, Set.of("stop", "shingle", "hunspell", "lowercase"),
        Kind.CHAR_FILTER, Set.of(),
        Kind.NORMALIZER, Set.of("custom", "lowercase"));

    /**
     * The bundled module analysis-common: elastic/elasticsearch
     * modules/analysis-common/src/main/java/org/elasticsearch/analysis/common/CommonAnalysisPlugin.java (commit
     * 00a5d5c8, the 8.x/9.x code): getAnalyzers, getTokenizers, getTokenFilters, getCharFilters and the pre-configured
     * ones ({@code keyword_repeat}, {@code type_as_payload} are only pre-configured).
     */
    private static final Map<Kind, Set<String>> ANALYSIS_COMMON = Map.of(
        Kind.ANALYZER, Set.of("fingerprint", "keyword", "pattern", "simple", "snowball", "stop", "whitespace",
            "arabic", "armenian", "basque", "bengali", "brazilian", "bulgarian", "catalan", "chinese", "cjk", "czech", "danish",
            "dutch", "english", "estonian", "finnish", "french", "galician", "german", "greek", "hindi", "hungarian", "indonesian",
            "irish", "italian", "latvian", "lithuanian", "norwegian", "persian", "portuguese", "romanian", "russian", "sorani",
            "spanish", "swedish", "turkish", "thai"),
        Kind.TOKENIZER, Set.of("simple_pattern", "simple_pattern_split", "thai", "ngram", "edge_ngram", "char_group", "classic",
            "letter", "lowercase", "path_hierarchy", "PathHierarchy", "pattern", "uax_url_email", "whitespace", "keyword"),
        Kind.FILTER, Set.of("apostrophe", "arabic_normalization", "arabic_stem", "asciifolding", "bengali_normalization",
            "brazilian_stem", "cjk_bigram", "cjk_width", "classic", "czech_stem", "common_grams", "condition", "decimal_digit",
            "delimited_payload", "dictionary_decompounder", "dutch_stem", "edge_ngram", "elision", "fingerprint", "flatten_graph",
            "french_stem", "german_normalization", "german_stem", "hindi_normalization", "hyphenation_decompounder",
            "indic_normalization", "keep", "keep_types", "keyword_marker", "keyword_repeat", "kstem", "length", "limit", "lowercase",
            "min_hash", "multiplexer", "ngram", "pattern_capture", "pattern_replace", "persian_normalization", "persian_stem",
            "porter_stem", "predicate_token_filter", "remove_duplicates", "reverse", "russian_stem", "scandinavian_folding",
            "scandinavian_normalization", "serbian_normalization", "shingle", "snowball", "sorani_normalization", "stemmer_override",
            "stemmer", "stop", "synonym", "synonym_graph", "trim", "truncate", "type_as_payload", "unique", "uppercase",
            "word_delimiter_graph", "word_delimiter"),
        Kind.CHAR_FILTER, Set.of("html_strip", "pattern_replace", "mapping"),
        Kind.NORMALIZER, Set.of());

    /**
     * The plugin analysis-smartcn: elastic/elasticsearch
     * plugins/analysis-smartcn/src/main/java/org/elasticsearch/plugin/analysis/smartcn/AnalysisSmartChinesePlugin.java
     * (the copy with the licence header of 8.16 and later). Its tokenizer is {@code smartcn_tokenizer}, with the old
     * alias {@code smartcn_sentence}; {@code smartcn} is only an analyser.
     */
    private static final Map<Kind, Set<String>> SMARTCN = Map.of(
        Kind.ANALYZER, Set.of("smartcn"),
        Kind.TOKENIZER, Set.of("smartcn_tokenizer", "smartcn_sentence"),
        Kind.FILTER, Set.of("smartcn_stop", "smartcn_word"),
        Kind.CHAR_FILTER, Set.of(),
        Kind.NORMALIZER, Set.of());

    /**
     * The plugin analysis-icu: elastic/elasticsearch
     * plugins/analysis-icu/src/main/java/org/elasticsearch/plugin/analysis/icu/AnalysisICUPlugin.java (commit 01195333).
     */
    private static final Map<Kind, Set<String>> ICU = Map.of(
        Kind.ANALYZER, Set.of("icu_analyzer"),
        Kind.TOKENIZER, Set.of("icu_tokenizer"),
        Kind.FILTER, Set.of("icu_normalizer", "icu_folding", "icu_collation", "icu_transform"),
        Kind.CHAR_FILTER, Set.of("icu_normalizer"),
        Kind.NORMALIZER, Set.of());

    private RealClusterAnalysis() { }

    static Set<String> names(Kind kind) {
        Set<String> all = new TreeSet<>();
        Stream.of(CORE, ANALYSIS_COMMON, SMARTCN, ICU).forEach(group -> all.addAll(group.get(kind)));
        return all;
    }

    /** The names of each kind that no real cluster knows (kinds without any left out). */
    static Map<Kind, Set<String>> unknown(Map<Kind, Set<String>> named) {
        Map<Kind, Set<String>> unknown = new EnumMap<>(Kind.class);
        named.forEach((kind, names) -> {
            Set<String> left = new TreeSet<>(names);
            left.removeAll(names(kind));
            if (!left.isEmpty()) unknown.put(kind, left);
        });
        return unknown;
    }
}
