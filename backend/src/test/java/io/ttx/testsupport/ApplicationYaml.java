package io.ttx.testsupport;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The environment the application's yaml files make, as Boot orders them: the given environment variables first, then
 * {@code application-<profile>.yaml}, then {@code application.yaml}; nothing of this JVM's own environment.
 */
public final class ApplicationYaml {
    private ApplicationYaml() { }

    public static StandardEnvironment environment(@Nullable String profile, Map<String, String> variables) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        env.getPropertySources().addLast(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            Map.copyOf(variables)));
        YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
        try {
            if (profile != null) {
                env.setActiveProfiles(profile);
                yaml.load(profile, new ClassPathResource("application-" + profile + ".yaml")).forEach(env.getPropertySources()::addLast);
            }
            yaml.load("application", new ClassPathResource("application.yaml")).forEach(env.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return env;
    }
}
