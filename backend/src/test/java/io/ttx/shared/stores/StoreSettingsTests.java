package io.ttx.shared.stores;

import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import io.ttx.testsupport.ApplicationYaml;
import jakarta.validation.Validation;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the store settings become in each profile: the prod profile asks a replica set for majority writes and reads
 * and retries writes; the default profile leaves them to the URI, so the dev stack's server works as before.
 */
class StoreSettingsTests {
    private static final Map<String, String> PROD = Map.of("TTX_MONGODB_URI", "mongodb://m1:27017,m2:27017,m3:27017/?replicaSet=rs0",
        "TTX_ELASTICSEARCH_URIS", "https://es1:9200,https://es2:9200,https://es3:9200", "TTX_S3_ENDPOINT", "https://minio:9000",
        "TTX_S3_ACCESS_KEY", "access", "TTX_S3_SECRET_KEY", "secret", "TTX_ISSUER_URI", "https://id.example/realms/ttx");

    @Test
    void theProdProfileWritesAndReadsByMajorityAndRetriesWrites() {
        StoreProperties stores = bind("prod", PROD);
        MongoClientSettings mongo = MongoSettings.of(stores.mongodb(), null);
        assertThat(mongo.getWriteConcern()).isEqualTo(WriteConcern.MAJORITY.withWTimeout(5, TimeUnit.SECONDS));
        assertThat(mongo.getReadConcern()).isEqualTo(ReadConcern.MAJORITY);
        assertThat(mongo.getRetryWrites()).isTrue();
        assertThat(mongo.getClusterSettings().getRequiredReplicaSetName()).isEqualTo("rs0");
        assertThat(mongo.getClusterSettings().getHosts()).hasSize(3);
        assertThat(stores.elasticsearch().uris()).containsExactly(URI.create("https://es1:9200"), URI.create("https://es2:9200"),
            URI.create("https://es3:9200"));
    }

    @Test
    void theDefaultProfileKeepsTheDriversDefaultsForTheDevStack() {
        StoreProperties stores = bind(null, Map.of());
        MongoClientSettings mongo = MongoSettings.of(stores.mongodb(), null);
        MongoClientSettings driver = MongoClientSettings.builder().build();
        assertThat(mongo.getWriteConcern()).isEqualTo(driver.getWriteConcern());
        assertThat(mongo.getReadConcern()).isEqualTo(driver.getReadConcern());
        assertThat(mongo.getRetryWrites()).isEqualTo(driver.getRetryWrites());
        assertThat(mongo.getSslSettings().isEnabled()).isFalse();
        assertThat(stores.s3().pathStyle()).isNull();
        assertThat(stores.s3().sslBundle()).isBlank();
        assertThat(stores.elasticsearch().maxConnections()).isEqualTo(30);
        assertThat(stores.elasticsearch().maxConnectionsPerNode()).isEqualTo(10);
    }

    @Test
    void theUriIsOverriddenOnlyByWhatIsSet() {
        Map<String, String> vars = new HashMap<>(PROD);
        vars.put("TTX_MONGODB_URI", "mongodb://m1/?w=2&readConcernLevel=local&retryWrites=false");
        vars.put("TTX_MONGODB_WRITE_CONCERN", "3");
        vars.put("TTX_MONGODB_READ_CONCERN", "");
        vars.put("TTX_MONGODB_RETRY_WRITES", "");
        MongoClientSettings mongo = MongoSettings.of(bind("prod", vars).mongodb(), null);
        assertThat(mongo.getWriteConcern()).isEqualTo(new WriteConcern(3).withWTimeout(5, TimeUnit.SECONDS));
        assertThat(mongo.getReadConcern()).isEqualTo(ReadConcern.LOCAL);
        assertThat(mongo.getRetryWrites()).isFalse();
    }

    @Test
    void unknownConsistencyNamesAndNonHttpAddressesStopTheStart() {
        assertRefused("TTX_MONGODB_WRITE_CONCERN", "most", "writeConcernKnown");
        assertRefused("TTX_MONGODB_READ_CONCERN", "strong", "readConcernKnown");
        assertRefused("TTX_ELASTICSEARCH_URIS", "https://es1:9200,ftp://es2", "everyUriHttp");
        assertRefused("TTX_S3_ENDPOINT", "s3://bucket", "endpointHttp");
    }

    @Test
    void pathStyleIsASwitch() {
        Map<String, String> vars = new HashMap<>(PROD);
        vars.put("TTX_S3_PATH_STYLE", "true");
        assertThat(bind("prod", vars).s3().pathStyle()).isTrue();
        vars.put("TTX_S3_PATH_STYLE", "false");
        assertThat(bind("prod", vars).s3().pathStyle()).isFalse();
    }

    @Test
    void theWriteConcernTimeoutAppliesOnlyWithAWriteConcern() {
        assertThat(MongoSettings.writeConcern(null, Duration.ofSeconds(5))).isNull();
        assertThat(MongoSettings.writeConcern("journaled", null)).isEqualTo(WriteConcern.JOURNALED);
    }

    private static void assertRefused(String variable, String value, String field) {
        Map<String, String> vars = new HashMap<>(PROD);
        vars.put(variable, value);
        assertThatThrownBy(() -> bind("prod", vars)).as(variable).isInstanceOf(BindException.class)
            .hasStackTraceContaining(field);
    }

    private static StoreProperties bind(@Nullable String profile, Map<String, String> vars) {
        Binder binder = Binder.get(ApplicationYaml.environment(profile, vars));
        return binder.bind("ttx.stores", Bindable.of(StoreProperties.class),
            new ValidationBindHandler(new SpringValidatorAdapter(Validation.buildDefaultValidatorFactory().getValidator()))).get();
    }
}
