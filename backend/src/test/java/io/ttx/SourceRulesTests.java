package io.ttx;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules on the source text itself: types are imported, never written out fully qualified in code. */
class SourceRulesTests {
    /** A package path (lower-case segments) followed by a type name; on a line without strings and comments. */
    private static final Pattern QUALIFIED = Pattern.compile("\\b(?:java|javax|jakarta|org|com|io|reactor|co|tools)(?:\\.[a-z][a-z0-9_]*)+\\.[A-Z]\\w*");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*+\"");

    @Test
    void mainSourcesImportTypesInsteadOfQualifyingThem() throws IOException {
        Path main = Path.of(System.getProperty("basedir", ".")).resolve("src/main/java");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(main)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> found.addAll(qualifiedNames(f)));
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theCheckFindsQualifiedNamesInCodeButNotInCommentsOrStrings() {
        Path bad = Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/archfixture/InlineNames.java.txt");
        assertThat(qualifiedNames(bad)).hasSize(2).allSatisfy(s -> assertThat(s).contains("java.util.concurrent.atomic.AtomicBoolean"));
    }

    static List<String> qualifiedNames(Path file) {
        List<String> out = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("import ") || line.startsWith("package ") || line.startsWith("*") || line.startsWith("/*")
                || line.startsWith("//")) continue;
            String code = STRING.matcher(line).replaceAll("\"\"");
            int comment = code.indexOf("//");
            if (comment >= 0) code = code.substring(0, comment);
            Matcher m = QUALIFIED.matcher(code);
            while (m.find()) out.add(file.getFileName() + ":" + (i + 1) + " " + m.group());
        }
        return out;
    }
}
