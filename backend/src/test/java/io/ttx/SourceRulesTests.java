package io.ttx;

import io.ttx.brokerage.DealEvents;
import io.ttx.catalogue.AchievementEvents;
import io.ttx.catalogue.DemandEvents;
import io.ttx.documents.DocumentEvents;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules on the source text itself: types are imported, never written out fully qualified in code; event names are
 * written only in the {@code *Events} class of the module that publishes them, everyone else refers to its constants.
 */
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

    /** The published event names: every String constant of the modules' {@code *Events} classes. */
    static List<String> eventNames() {
        List<String> names = new ArrayList<>();
        for (Class<?> events : List.of(AchievementEvents.class, DemandEvents.class, DocumentEvents.class, DealEvents.class)) {
            for (Field f : events.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && !f.getName().equals("AGGREGATE_TYPE")) {
                    try {
                        names.add((String) f.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return names;
    }

    @Test
    void eventNamesAreWrittenOnlyWhereTheyArePublished() throws IOException {
        assertThat(eventNames()).contains("AchievementPublished", "DemandPublished", "DocumentTextExtracted");
        Path main = Path.of(System.getProperty("basedir", ".")).resolve("src/main/java");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(main)) {
            files.filter(f -> f.toString().endsWith(".java") && !f.getFileName().toString().endsWith("Events.java"))
                .forEach(f -> found.addAll(eventLiterals(f)));
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theEventCheckFindsALiteralEventName() {
        Path bad = Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/archfixture/EventLiteral.java.txt");
        assertThat(eventLiterals(bad)).containsExactly("EventLiteral.java.txt \"AchievementPublished\"");
    }

    static List<String> eventLiterals(Path file) {
        String text = read(file);
        return eventNames().stream().map(n -> "\"" + n + "\"").filter(text::contains).map(l -> file.getFileName() + " " + l).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
