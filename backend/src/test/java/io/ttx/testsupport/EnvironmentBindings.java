package io.ttx.testsupport;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which environment variables the application binds: the {@code ${VAR}} placeholders of its yaml files, and every
 * variable Spring's relaxed binding maps to a known property (ours: the yaml keys and the components of every
 * {@code @ConfigurationProperties} record; Spring's: its configuration metadata), decided by Spring's own mapping of
 * the system environment. The JVM's own variables count too.
 */
public final class EnvironmentBindings {
    private static final Set<String> JVM = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::[^}]*)?}");
    private final Set<String> placeholders = new HashSet<>();
    private final Set<ConfigurationPropertyName> leaves = new HashSet<>();
    private final Set<ConfigurationPropertyName> containers = new HashSet<>();

    public EnvironmentBindings(List<String> yamlResources) {
        for (String resource : yamlResources) {
            String text = read(new ClassPathResource(resource));
            PLACEHOLDER.matcher(text).results().forEach(m -> placeholders.add(m.group(1)));
            flatten("", new Yaml().load(text));
        }
        ourRecords();
        springMetadata();
    }

    /** Placeholder names of the yaml files (with or without default). */
    public Set<String> placeholders() {
        return Set.copyOf(placeholders);
    }

    public boolean binds(String variable) {
        if (placeholders.contains(variable) || JVM.contains(variable)) return true;
        ConfigurationPropertySource env = ConfigurationPropertySource.from(new SystemEnvironmentPropertySource(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, "x")));
        return leaves.stream().anyMatch(n -> env.getConfigurationProperty(n) != null)
            || containers.stream().anyMatch(n -> env.containsDescendantOf(n) == ConfigurationPropertyState.PRESENT);
    }

    private void flatten(String prefix, Object node) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v));
        } else if (node instanceof List<?>) {
            containers.add(ConfigurationPropertyName.adapt(prefix, '.'));
        } else {
            leaves.add(ConfigurationPropertyName.adapt(prefix, '.'));
        }
    }

    private void ourRecords() {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        for (var candidate : scan.findCandidateComponents("io.ttx")) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), getClass().getClassLoader());
            ConfigurationProperties props = type.getAnnotation(ConfigurationProperties.class);
            components(props.prefix().isEmpty() ? props.value() : props.prefix(), type);
        }
    }

    private void components(String prefix, Class<?> type) {
        if (!type.isRecord()) {
            containers.add(ConfigurationPropertyName.of(prefix));
            return;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            String name = prefix + "." + c.getName().replaceAll("([A-Z])", "-$1").toLowerCase();
            boolean many = List.class.isAssignableFrom(c.getType()) || Map.class.isAssignableFrom(c.getType());
            if (c.getType().isRecord()) components(name, c.getType());
            else (many ? containers : leaves).add(ConfigurationPropertyName.of(name));
        }
    }

    private void springMetadata() {
        try {
            Resource[] all = new PathMatchingResourcePatternResolver().getResources("classpath*:META-INF/spring-configuration-metadata.json");
            for (Resource r : all) {
                JsonNode properties = JsonMapper.builder().build().readTree(read(r)).path("properties");
                for (JsonNode p : properties) {
                    ConfigurationPropertyName name = ConfigurationPropertyName.adapt(p.path("name").asString(), '.');
                    if (p.path("type").asString("").startsWith("java.util.Map")) containers.add(name);
                    else leaves.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Resource r) {
        try (InputStream in = r.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
