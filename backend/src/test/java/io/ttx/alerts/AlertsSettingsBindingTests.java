package io.ttx.alerts;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The ttx.alerts block of application.yaml binds, equals the defaults, and keeps private targets refused. */
class AlertsSettingsBindingTests {

    @Test
    void theApplicationYamlBlockEqualsTheDefaults() throws Exception {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"));
        AlertsProperties props = new Binder(ConfigurationPropertySources.from(sources)).bind("ttx.alerts", AlertsProperties.class).get();
        assertThat(props).isEqualTo(AlertsProperties.defaults());
        assertThat(props.webhooks().allowPrivateTargets()).isFalse();
    }

    @Test
    void missingSettingsTakeTheDefaultsAndListsBindFromCommaSeparatedText() {
        AlertsProperties props = new Binder(new MapConfigurationPropertySource(Map.of(
            "ttx.alerts.webhooks.backoff", "1s, 2m", "ttx.alerts.webhooks.max-attempts", "3"))).bind("ttx.alerts", AlertsProperties.class).get();
        assertThat(props.maxSavedSearchesPerUser()).isEqualTo(50);
        assertThat(props.webhooks().backoff()).containsExactly(Duration.ofSeconds(1), Duration.ofMinutes(2));
        assertThat(props.webhooks().maxAttempts()).isEqualTo(3);
        assertThat(props.webhooks().readTimeout()).isEqualTo(Duration.ofSeconds(10));
    }
}
