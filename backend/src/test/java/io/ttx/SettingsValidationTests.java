package io.ttx;

import io.ttx.alerts.AlertsProperties;
import io.ttx.catalogue.CatalogueProperties;
import io.ttx.documents.DocumentProperties;
import io.ttx.search.SearchProperties;
import io.ttx.shared.jobs.JobsProperties;
import io.ttx.shared.outbox.OutboxProperties;
import io.ttx.shared.stores.StoreProperties;
import io.ttx.shared.web.WebProperties;
import io.ttx.valuation.ValuationProperties;
import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every settings record is validated when bound: the defaults of application.yaml pass, nonsense stops the start. */
class SettingsValidationTests {
    private static final Map<String, Class<?>> SETTINGS = Map.of("ttx.stores", StoreProperties.class, "ttx.web", WebProperties.class,
        "ttx.outbox", OutboxProperties.class, "ttx.catalogue", CatalogueProperties.class, "ttx.documents", DocumentProperties.class,
        "ttx.search", SearchProperties.class, "ttx.alerts", AlertsProperties.class, "ttx.valuation", ValuationProperties.class,
        "ttx.jobs", JobsProperties.class);
    private final SpringValidatorAdapter validator = new SpringValidatorAdapter(Validation.buildDefaultValidatorFactory().getValidator());

    @Test
    void theApplicationYamlDefaultsAreValid() throws IOException {
        List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"));
        Binder binder = new Binder(ConfigurationPropertySources.from(yaml), new PropertySourcesPlaceholdersResolver(yaml));
        SETTINGS.forEach((prefix, type) -> assertThat(binder.bindOrCreate(prefix, Bindable.of(type), validating()))
            .as(prefix).isNotNull());
    }

    @Test
    void zeroOrNegativeDurationsAndSizesAreRefused() {
        assertInvalid("ttx.outbox", OutboxProperties.class, Map.of("ttx.outbox.poll-interval", "0s"), "pollInterval");
        assertInvalid("ttx.outbox", OutboxProperties.class, Map.of("ttx.outbox.lease-ttl", "-1s"), "leaseTtl");
        assertInvalid("ttx.outbox", OutboxProperties.class, Map.of("ttx.outbox.max-attempts", "0"), "maxAttempts");
        assertInvalid("ttx.catalogue", CatalogueProperties.class, Map.of("ttx.catalogue.expiry-sweep-interval", "0s"), "expirySweepInterval");
        assertInvalid("ttx.search", SearchProperties.class, Map.of("ttx.search.reindex-lease", "0s"), "reindexLease");
        assertInvalid("ttx.documents", DocumentProperties.class, Map.of("ttx.documents.part-size", "1MB"), "partSizeAtLeastTheSmallestPart");
        assertInvalid("ttx.documents", DocumentProperties.class, Map.of("ttx.documents.presign-ttl", "8d"), "presignTtl");
        assertInvalid("ttx.web", WebProperties.class, Map.of("ttx.web.max-body-sizes./upload", "0B"), "everyLimitPositive");
        assertInvalid("ttx.web", WebProperties.class, Map.of("ttx.web.problem-base", "problems/"), "problemBaseAbsolute");
        assertInvalid("ttx.alerts", AlertsProperties.class, Map.of("ttx.alerts.webhooks.read-timeout", "0s"), "readTimeout");
    }

    @Test
    void everyStoreTimeoutMustBePositive() throws IOException {
        List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"));
        Map<String, String> timeouts = Map.of("mongodb.connect-timeout", "connectTimeout", "mongodb.read-timeout", "readTimeout",
            "elasticsearch.connect-timeout", "connectTimeout", "elasticsearch.response-timeout", "responseTimeout",
            "elasticsearch.background-timeout", "backgroundTimeout",
            "s3.connect-timeout", "connectTimeout", "s3.read-timeout", "readTimeout", "s3.write-timeout", "writeTimeout");
        timeouts.forEach((key, field) -> {
            List<ConfigurationPropertySource> sources = new ArrayList<>();
            sources.add(new MapConfigurationPropertySource(Map.of("ttx.stores." + key, "0s")));
            ConfigurationPropertySources.from(yaml).forEach(sources::add);
            Binder binder = new Binder(sources, new PropertySourcesPlaceholdersResolver(yaml));
            assertThatThrownBy(() -> binder.bind("ttx.stores", Bindable.of(StoreProperties.class), validating())).as(key)
                .isInstanceOf(BindException.class).cause().isInstanceOfSatisfying(BindValidationException.class, e ->
                    assertThat(e.getValidationErrors().getAllErrors()).extracting(err -> ((FieldError) err).getField())
                        .containsExactly(field));
        });
    }

    /** A new handler per bind: it keeps state of what it bound. */
    private ValidationBindHandler validating() {
        return new ValidationBindHandler(validator);
    }

    @Test
    void aReplicaIdIsAPlainNameOrARandomUuid() {
        // it is written into the leases collection, where operators read it
        assertInvalid("ttx.jobs", JobsProperties.class, Map.of("ttx.jobs.replica-id", "replica a"), "replicaId");
        assertThat(new JobsProperties("").replicaId()).hasSize(36).isNotEqualTo(new JobsProperties("").replicaId());
        assertThat(new JobsProperties("ttx-7f9c").replicaId()).isEqualTo("ttx-7f9c");
    }

    private void assertInvalid(String prefix, Class<?> type, Map<String, String> values, String field) {
        Binder binder = new Binder(new MapConfigurationPropertySource(values));
        assertThatThrownBy(() -> binder.bind(prefix, Bindable.of(type), validating()))
            .isInstanceOf(BindException.class).cause().isInstanceOfSatisfying(BindValidationException.class, e ->
                assertThat(e.getValidationErrors().getAllErrors()).extracting(err -> ((FieldError) err).getField())
                    .contains(field));
    }
}
