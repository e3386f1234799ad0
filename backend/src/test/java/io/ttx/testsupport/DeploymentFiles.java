package io.ttx.testsupport;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The repository's deployment files (infra/docker, infra/compose, infra/k8s) read for checks without Docker or a cluster. */
public final class DeploymentFiles {
    /** The repository root (surefire runs in backend/). */
    public static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("..").normalize();
    private static final Pattern DEFAULT = Pattern.compile("\\$\\{[A-Z0-9_]+:([^}]*)}");

    private DeploymentFiles() { }

    public static Map<String, Object> yaml(Path file) {
        return new Yaml().load(readString(file));
    }

    /** A value by its dotted path through nested maps, where the yaml may also write a.b as one key. */
    public static Object path(Map<?, ?> map, String dotted) {
        if (map.containsKey(dotted)) return map.get(dotted);
        for (int i = dotted.indexOf('.'); i > 0; i = dotted.indexOf('.', i + 1)) {
            if (map.get(dotted.substring(0, i)) instanceof Map<?, ?> inner) {
                Object found = path(inner, dotted.substring(i + 1));
                if (found != null) return found;
            }
        }
        return null;
    }

    /** The default of a {@code ${VAR:default}} placeholder. */
    public static String defaultOf(Object placeholder) {
        Matcher m = DEFAULT.matcher(String.valueOf(placeholder));
        assertThat(m.matches()).as("%s has a default", placeholder).isTrue();
        return m.group(1);
    }

    public static String pomProperty(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(readString(ROOT.resolve(pom)));
        assertThat(m.find()).as(name + " in " + pom).isTrue();
        return m.group(1).strip();
    }

    /** The backend's version (the image's tag). */
    public static String pomVersion() {
        Matcher m = Pattern.compile("</parent>\\s*<groupId>[^<]+</groupId>\\s*<artifactId>backend</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(readString(ROOT.resolve("backend/pom.xml")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    public static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
