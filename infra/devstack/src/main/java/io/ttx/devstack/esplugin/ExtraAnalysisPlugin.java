package io.ttx.devstack.esplugin;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2Filter;
import org.elasticsearch.index.analysis.NormalizingCharFilterFactory;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;
import com.ibm.icu.text.Normalizer2;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexService.IndexCreationContext;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.AbstractTokenizerFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * ES module "analysis-extra": Lucene analysis components registered under the names Elastic's analysis-common,
 * analysis-smartcn and analysis-icu use, because those modules are not published to Maven Central. An index
 * mapping written against these names therefore works unchanged on a production cluster with the official plugins.
 * Loaded by the node from es/modules/analysis-extra (this jar + smartcn + icu + icu4j jars).
 */
public class ExtraAnalysisPlugin extends Plugin implements AnalysisPlugin {

    private static AnalysisProvider<AnalyzerProvider<? extends Analyzer>> analyzer(Supplier<Analyzer> s) {
        return (indexSettings, env, name, settings) -> new AbstractIndexAnalyzerProvider<>(name) {
            private final Analyzer a = s.get();
            @Override public Analyzer get() { return a; }
        };
    }

    private static AbstractTokenFilterFactory filter(String name, Function<TokenStream, TokenStream> f) {
        return new AbstractTokenFilterFactory(name) {
            @Override public TokenStream create(TokenStream ts) { return f.apply(ts); }
        };
    }

    /** A filter that may also appear in a keyword normalizer (lowercase, asciifolding, icu_folding ...). */
    private static TokenFilterFactory normalizing(String name, Function<TokenStream, TokenStream> f) {
        return new NormalizingTokenFilterFactory() {
            @Override public String name() { return name; }
            @Override public TokenStream create(TokenStream ts) { return f.apply(ts); }
        };
    }

    private static Normalizer2 icuNormalizer(Settings s) {
        String form = s.get("name", "nfkc_cf");
        String mode = s.get("mode", "compose");
        return Normalizer2.getInstance(null, form, "decompose".equals(mode) ? Normalizer2.Mode.DECOMPOSE : Normalizer2.Mode.COMPOSE);
    }

    /** ES's stemmer names for English; other languages are not needed here and are refused clearly. */
    private static Function<TokenStream, TokenStream> englishStemmer(Settings s) {
        String language = s.get("language", s.get("name", "english")).toLowerCase(Locale.ROOT);
        return switch (language) {
            case "english", "porter" -> PorterStemFilter::new;
            case "light_english", "kstem" -> KStemFilter::new;
            case "possessive_english" -> EnglishPossessiveFilter::new;
            default -> throw new IllegalArgumentException("stemmer language [" + language + "] is not available in the dev stack");
        };
    }

    static Analyzer icuAnalyzer() {
        return new Analyzer() {
            @Override protected TokenStreamComponents createComponents(String field) {
                Tokenizer t = new ICUTokenizer();
                return new TokenStreamComponents(t, new ICUFoldingFilter(t));
            }
        };
    }

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        return Map.of(
            "smartcn", analyzer(SmartChineseAnalyzer::new),
            "cjk", analyzer(CJKAnalyzer::new),
            "english", analyzer(EnglishAnalyzer::new),
            "icu_analyzer", analyzer(ExtraAnalysisPlugin::icuAnalyzer));
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        return Map.of(
            "smartcn_tokenizer", (is, env, name, s) -> TokenizerFactory.newFactory(name, HMMChineseTokenizer::new),
            // the official plugin's old alias; "smartcn" is only an analyser there (AnalysisComponentsTests)
            "smartcn_sentence", (is, env, name, s) -> TokenizerFactory.newFactory(name, HMMChineseTokenizer::new),
            "keyword", (is, env, name, s) -> TokenizerFactory.newFactory(name, org.apache.lucene.analysis.core.KeywordTokenizer::new),
            "whitespace", (is, env, name, s) -> TokenizerFactory.newFactory(name, WhitespaceTokenizer::new),
            "icu_tokenizer", (is, env, name, s) -> TokenizerFactory.newFactory(name, ICUTokenizer::new),
            "edge_ngram", (is, env, name, s) -> new EdgeNGramTokenizerFactory(name, s));
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.ofEntries(
            Map.entry("lowercase", (is, env, name, s) -> normalizing(name, LowerCaseFilter::new)),
            Map.entry("asciifolding", (is, env, name, s) -> {
                boolean preserve = s.getAsBoolean("preserve_original", false);
                return normalizing(name, ts -> new ASCIIFoldingFilter(ts, preserve));
            }),
            Map.entry("icu_folding", (is, env, name, s) -> normalizing(name, ICUFoldingFilter::new)),
            Map.entry("icu_normalizer", (is, env, name, s) -> {
                Normalizer2 n = icuNormalizer(s);
                return normalizing(name, ts -> new ICUNormalizer2Filter(ts, n));
            }),
            Map.entry("cjk_width", (is, env, name, s) -> normalizing(name, CJKWidthFilter::new)),
            Map.entry("cjk_bigram", (is, env, name, s) -> filter(name, CJKBigramFilter::new)),
            Map.entry("smartcn_stop", (is, env, name, s) -> filter(name,
                ts -> new StopFilter(ts, SmartChineseAnalyzer.getDefaultStopSet()))),
            Map.entry("porter_stem", (is, env, name, s) -> filter(name, PorterStemFilter::new)),
            Map.entry("stemmer", (is, env, name, s) -> filter(name, englishStemmer(s))),
            Map.entry("edge_ngram", (is, env, name, s) -> {
                int min = s.getAsInt("min_gram", 1), max = s.getAsInt("max_gram", 2);
                boolean preserve = s.getAsBoolean("preserve_original", false);
                return filter(name, ts -> new EdgeNGramTokenFilter(ts, min, max, preserve));
            }),
            // needs "synonyms" (or "synonyms_path"): never instantiated with empty settings
            Map.entry("synonym_graph", AnalysisPlugin.requiresAnalysisSettings((is, env, name, s) -> new SynonymGraphFactory(name, env, s))));
    }

    @Override
    public Map<String, AnalysisProvider<CharFilterFactory>> getCharFilters() {
        return Map.of("icu_normalizer", (is, env, name, s) -> {
            Normalizer2 n = icuNormalizer(s);
            return new NormalizingCharFilterFactory() {
                @Override public String name() { return name; }
                @Override public Reader create(Reader reader) { return new ICUNormalizer2CharFilter(reader, n); }
            };
        });
    }

    /** edge_ngram tokenizer with ES's min_gram/max_gram/token_chars settings. */
    static final class EdgeNGramTokenizerFactory extends AbstractTokenizerFactory {
        private final int min, max;
        private final List<String> tokenChars;

        EdgeNGramTokenizerFactory(String name, Settings s) {
            super(name);
            min = s.getAsInt("min_gram", 1);
            max = s.getAsInt("max_gram", 2);
            tokenChars = s.getAsList("token_chars").stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        }

        @Override public Tokenizer create() {
            if (tokenChars.isEmpty()) return new EdgeNGramTokenizer(min, max);
            return new EdgeNGramTokenizer(min, max) {
                @Override protected boolean isTokenChar(int c) {
                    for (String k : tokenChars) {
                        switch (k) {
                            case "letter" -> { if (Character.isLetter(c)) return true; }
                            case "digit" -> { if (Character.isDigit(c)) return true; }
                            case "whitespace" -> { if (Character.isWhitespace(c)) return true; }
                            case "punctuation" -> { int t = Character.getType(c);
                                if (t >= Character.CONNECTOR_PUNCTUATION && t <= Character.OTHER_PUNCTUATION
                                    || t == Character.INITIAL_QUOTE_PUNCTUATION || t == Character.FINAL_QUOTE_PUNCTUATION) return true; }
                            case "symbol" -> { int t = Character.getType(c);
                                if (t >= Character.MATH_SYMBOL && t <= Character.OTHER_SYMBOL) return true; }
                            default -> throw new IllegalArgumentException("unknown token_chars class [" + k + "]");
                        }
                    }
                    return false;
                }
            };
        }
    }

    /** synonym_graph (Solr format rules). Like ES, the rules are analysed with the chain that precedes the filter. */
    static final class SynonymGraphFactory extends AbstractTokenFilterFactory {
        private final List<String> rules;
        private final boolean expand, lenient;

        SynonymGraphFactory(String name, Environment env, Settings s) {
            super(name);
            rules = Analysis.getWordList(env, s, "synonyms");
            if (rules == null) throw new IllegalArgumentException("synonym_graph [" + name + "] requires [synonyms] or [synonyms_path]");
            expand = s.getAsBoolean("expand", true);
            lenient = s.getAsBoolean("lenient", false);
        }

        private SynonymMap build(Analyzer analyzer) {
            try {
                SolrSynonymParser p = new SolrSynonymParser(true, expand, analyzer);
                p.parse(new StringReader(String.join("\n", rules)));
                return p.build();
            } catch (Exception e) {
                if (lenient) return emptyMap();
                throw new IllegalArgumentException("failed to build synonyms for [" + name() + "]: " + e.getMessage(), e);
            }
        }

        private static SynonymMap emptyMap() {
            try { return new SynonymMap.Builder(true).build(); } catch (IOException e) { throw new UncheckedIOException(e); }
        }

        private static TokenStream apply(TokenStream ts, SynonymMap map) {
            return map.fst == null ? ts : new SynonymGraphFilter(ts, map, false);
        }

        /** Used when the filter is not part of a custom analyzer chain (e.g. _analyze with only this filter). */
        @Override public TokenStream create(TokenStream ts) {
            return apply(ts, build(new Analyzer() {
                @Override protected TokenStreamComponents createComponents(String f) {
                    Tokenizer t = new WhitespaceTokenizer();
                    return new TokenStreamComponents(t, new LowerCaseFilter(t));
                }
            }));
        }

        @Override
        public TokenFilterFactory getChainAwareTokenFilterFactory(IndexCreationContext ctx, TokenizerFactory tokenizer,
                                                                  List<CharFilterFactory> charFilters, List<TokenFilterFactory> previous,
                                                                  Function<String, TokenFilterFactory> allFilters) {
            Analyzer chain = new Analyzer() {
                @Override protected Reader initReader(String f, Reader r) {
                    for (CharFilterFactory c : charFilters) r = c.create(r);
                    return r;
                }
                @Override protected TokenStreamComponents createComponents(String f) {
                    Tokenizer t = tokenizer.create();
                    TokenStream ts = t;
                    for (TokenFilterFactory p : previous) ts = p.create(ts);
                    return new TokenStreamComponents(t, ts);
                }
            };
            SynonymMap map = build(chain);
            return filter(name(), ts -> apply(ts, map));
        }
    }
}
