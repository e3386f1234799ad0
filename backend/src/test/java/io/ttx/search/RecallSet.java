package io.ttx.search;

import io.ttx.demodata.DemoAchievement;
import io.ttx.demodata.DemoCatalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The recall test set ({@code search/recall-set.tsv}): query -> the demo achievements that are a right answer. An
 * expectation names one record by its exact Chinese title or every record of one or more demo topics.
 */
final class RecallSet {
    static final Set<String> KINDS = Set.of("direct", "cross-language", "synonym", "partial-word", "paraphrase");

    /** One line of the set; {@code expected} are the demo achievements any one of which answers the query. */
    record Pair(int line, String query, String expectation, String kind, String note, List<DemoAchievement> expected) {
        boolean meantToShareNoToken() {
            return !kind.equals("direct");
        }
    }

    private RecallSet() { }

    static List<Pair> read(String resource) {
        try (InputStream in = RecallSet.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing test resource " + resource);
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<Pair> out = new ArrayList<>();
            boolean header = true;
            for (int i = 0; i < lines.length; i++) {
                String l = lines[i].strip();
                if (l.isEmpty() || l.startsWith("#")) continue;
                if (header) { // the column names
                    header = false;
                    continue;
                }
                String[] f = lines[i].split("\t", -1);
                if (f.length != 4) throw new IllegalStateException(resource + ":" + (i + 1) + ": expected 4 tab-separated columns");
                if (!KINDS.contains(f[2])) throw new IllegalStateException(resource + ":" + (i + 1) + ": unknown kind " + f[2]);
                out.add(new Pair(i + 1, f[0].strip(), f[1].strip(), f[2], f[3], expected(resource, i + 1, f[1].strip())));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<DemoAchievement> expected(String resource, int line, String expectation) {
        if (expectation.startsWith("title:")) {
            String title = expectation.substring("title:".length());
            List<DemoAchievement> match = DemoCatalogue.achievements().stream().filter(a -> a.title().zh().equals(title)).toList();
            if (match.size() != 1) throw new IllegalStateException(resource + ":" + line + ": " + match.size() + " demo achievements titled " + title);
            return match;
        }
        if (expectation.startsWith("topic:")) {
            List<DemoAchievement> out = new ArrayList<>();
            for (String topic : expectation.substring("topic:".length()).split(",")) out.addAll(DemoCatalogue.achievementsOf(DemoCatalogue.topic(topic.strip()).id()));
            return out;
        }
        throw new IllegalStateException(resource + ":" + line + ": expected title:<zh title> or topic:<id>, got " + expectation);
    }
}
