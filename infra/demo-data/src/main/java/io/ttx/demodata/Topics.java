package io.ttx.demodata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the topic files. The texts live in resources rather than in Java so that they stay readable (one
 * field per file, one line per phrase) and can be reviewed by people who write the listings, not the code.
 */
final class Topics {
    static final List<String> FILES = List.of("electronic-information", "bio-medicine", "aerospace", "new-materials",
        "high-tech-services", "new-energy", "resources-environment", "advanced-manufacturing");
    private static final List<String> KEYS = List.of("ipc", "industry", "forms", "keywords", "subject", "kinds",
        "approaches", "apps", "problem", "advantage", "indicators", "applications");

    private Topics() { }

    static List<Topic> load() {
        List<Topic> out = new ArrayList<>();
        for (String file : FILES) {
            String path = "topics/" + file + ".txt";
            try (InputStream in = Topics.class.getResourceAsStream(path)) {
                if (in == null) throw new IllegalStateException("missing resource io/ttx/demodata/" + path);
                out.addAll(parse(path, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(out);
    }

    static List<Topic> parse(String source, String text) {
        List<Topic> out = new ArrayList<>();
        String header = null;
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (line.startsWith("[")) {
                if (header != null) out.add(topic(source, header, values));
                header = line;
                values = new LinkedHashMap<>();
                continue;
            }
            int colon = line.indexOf(':');
            if (header == null || colon < 0) throw new IllegalStateException(source + ": unexpected line: " + line);
            values.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        if (header != null) out.add(topic(source, header, values));
        return out;
    }

    private static Topic topic(String source, String header, Map<String, String> v) {
        int close = header.indexOf(']');
        String id = header.substring(1, close).strip();
        Field field = Field.valueOf(header.substring(close + 1).strip());
        for (String key : KEYS) {
            if (!v.containsKey(key)) throw new IllegalStateException(source + " [" + id + "]: missing '" + key + "'");
        }
        return new Topic(id, field, items(v.get("ipc")), v.get("industry"), items(v.get("forms")),
            pairs(source, id, v.get("keywords")), pair(source, id, v.get("subject")), pairs(source, id, v.get("kinds")),
            pairs(source, id, v.get("approaches")), pairs(source, id, v.get("apps")), pair(source, id, v.get("problem")),
            pair(source, id, v.get("advantage")), pair(source, id, v.get("indicators")),
            pair(source, id, v.get("applications")));
    }

    private static List<String> items(String value) {
        return Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<Bilingual> pairs(String source, String id, String value) {
        return items(value).stream().map(item -> pair(source, id, item)).toList();
    }

    private static Bilingual pair(String source, String id, String value) {
        String[] parts = value.split("\\s\\|\\s");
        if (parts.length != 2) throw new IllegalStateException(source + " [" + id + "]: expected 'zh | en' in: " + value);
        return new Bilingual(parts[0].strip(), parts[1].strip());
    }
}
