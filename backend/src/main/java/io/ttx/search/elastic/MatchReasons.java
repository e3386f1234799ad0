package io.ttx.search.elastic;

import co.elastic.clients.elasticsearch.core.explain.Explanation;
import co.elastic.clients.elasticsearch.core.explain.ExplanationDetail;
import io.ttx.search.Match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a hit's score explanation into a reason a person can read: the terms that scored (highest contribution
 * first) and the listing fields they matched in. English terms are stems in the index ("batteri"); they are shown
 * as the shortest word of the two listings that starts with the stem ("batteries"), or as the stem when none does.
 */
final class MatchReasons {
    private static final Pattern WEIGHT = Pattern.compile("weight\\(([\\w.]+):(.+?) in \\d+\\)");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    static final int MAX_TERMS = 10;

    private MatchReasons() { }

    static Match.Reason of(Explanation explanation, String surfaceText) {
        Map<String, Float> terms = new LinkedHashMap<>();
        Set<String> fields = new LinkedHashSet<>();
        collect(explanation.description(), explanation.value(), explanation.details(), terms, fields);
        List<String> words = words(surfaceText);
        Set<String> shown = new LinkedHashSet<>();
        terms.entrySet().stream().sorted(Map.Entry.<String, Float>comparingByValue().reversed())
            .forEach(e -> shown.add(surface(e.getKey(), words)));
        return new Match.Reason(shown.stream().limit(MAX_TERMS).toList(), List.copyOf(fields));
    }

    private static void collect(String description, float value, List<ExplanationDetail> details, Map<String, Float> terms, Set<String> fields) {
        Matcher m = WEIGHT.matcher(description);
        if (m.find()) {
            String field = listingField(m.group(1));
            fields.add(field);
            if (isText(field)) {
                for (String term : m.group(2).replace("\"", "").split(" ")) {
                    if (!term.isBlank()) terms.merge(term, value, Float::sum);
                }
            }
            return;
        }
        for (ExplanationDetail d : details) collect(d.description(), d.value(), d.details(), terms, fields);
    }

    /** {@code title.zh.cjk} -> {@code title}: the reason names listing fields, not index sub-fields. */
    static String listingField(String indexField) {
        String root = indexField.contains(".") ? indexField.substring(0, indexField.indexOf('.')) : indexField;
        return switch (root) {
            case "regionPath" -> "region";
            case "docText" -> "documents";
            case "transferMode", "cooperationMode" -> "transferMode";
            default -> root;
        };
    }

    private static boolean isText(String field) {
        return List.of("title", "summary", "keywords", "body", "documents").contains(field);
    }

    static String surface(String term, List<String> words) {
        if (term.isEmpty() || !Character.isLetter(term.codePointAt(0)) || term.codePoints().anyMatch(c -> c > 0x2E80)) return term;
        String stemPrefix = term.length() >= 4 ? term.substring(0, term.length() - 1) : term;
        return words.stream().filter(w -> w.startsWith(term) || w.startsWith(stemPrefix))
            .min(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder())).orElse(term);
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) out.add(m.group());
        return out;
    }
}
