package io.ttx.shared.settings;

import io.ttx.testsupport.ApplicationYaml;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The prod profile's required settings, checked on the environment the application yaml files and variables make. */
class RequiredSettingsTests {
    static final Map<String, String> COMPLETE = Map.of("TTX_MONGODB_URI", "mongodb://m1:27017,m2:27017/?replicaSet=rs0",
        "TTX_ELASTICSEARCH_URIS", "https://es1:9200,https://es2:9200", "TTX_S3_ENDPOINT", "https://s3.example",
        "TTX_S3_ACCESS_KEY", "access", "TTX_S3_SECRET_KEY", "secret", "TTX_ISSUER_URI", "https://id.example/realms/ttx");

    @Test
    void withoutEnvironmentEverySettingIsMissingAndTheMongoUriComesFirst() {
        StandardEnvironment env = environment("prod", Map.of());
        assertThat(RequiredSettings.problems(binder(env), RequiredSettings.PROD)).containsExactly(
            "missing setting TTX_MONGODB_URI (ttx.stores.mongodb.uri)",
            "missing setting TTX_ELASTICSEARCH_URIS (ttx.stores.elasticsearch.uris)",
            "missing setting TTX_S3_ENDPOINT (ttx.stores.s3.endpoint)",
            "missing setting TTX_S3_ACCESS_KEY (ttx.stores.s3.access-key)",
            "missing setting TTX_S3_SECRET_KEY (ttx.stores.s3.secret-key)",
            "missing setting TTX_ISSUER_URI (ttx.identity.issuer-uri)");
        assertThatThrownBy(() -> RequiredSettingsCheck.check(env)).isInstanceOf(InvalidSetting.class)
            .hasMessage("missing setting TTX_MONGODB_URI (ttx.stores.mongodb.uri)");
    }

    @Test
    void theFirstSettingStillMissingIsReported() {
        Map<String, String> vars = new HashMap<>(COMPLETE);
        vars.remove("TTX_S3_SECRET_KEY");
        vars.put("TTX_S3_ACCESS_KEY", " ");
        assertThatThrownBy(() -> RequiredSettingsCheck.check(environment("prod", vars)))
            .hasMessage("missing setting TTX_S3_ACCESS_KEY (ttx.stores.s3.access-key)");
    }

    @Test
    void aCompleteEnvironmentStarts() {
        assertThatCode(() -> RequiredSettingsCheck.check(environment("prod", COMPLETE))).doesNotThrowAnyException();
    }

    @Test
    void aSettingGivenUnderItsPropertyNameCounts() {
        Map<String, String> vars = new HashMap<>(COMPLETE);
        vars.remove("TTX_MONGODB_URI");
        StandardEnvironment env = environment("prod", vars);
        env.getPropertySources().addFirst(new MapPropertySource("commandLineArgs", Map.of("ttx.stores.mongodb.uri", "mongodb://m1")));
        assertThatCode(() -> RequiredSettingsCheck.check(env)).doesNotThrowAnyException();
    }

    @Test
    void malformedValuesAreNamedWithoutEchoingThem() {
        assertThat(firstProblem("TTX_MONGODB_URI", "postgres://ttx:s3cret@db:5432/ttx"))
            .startsWith("malformed setting TTX_MONGODB_URI (ttx.stores.mongodb.uri): not a MongoDB connection string").doesNotContain("s3cret");
        assertThat(firstProblem("TTX_ELASTICSEARCH_URIS", "https://es1:9200,es2:9200"))
            .isEqualTo("malformed setting TTX_ELASTICSEARCH_URIS (ttx.stores.elasticsearch.uris): not an http:// or https:// URL with a host");
        assertThat(firstProblem("TTX_S3_ENDPOINT", "s3.example:9000")).startsWith("malformed setting TTX_S3_ENDPOINT");
        assertThat(firstProblem("TTX_ISSUER_URI", "https://id example/realms/ttx")).startsWith("malformed setting TTX_ISSUER_URI");
    }

    @Test
    void otherProfilesHaveTheDevStackDefaultsAndAreNotChecked() {
        assertThatCode(() -> RequiredSettingsCheck.check(environment(null, Map.of()))).doesNotThrowAnyException();
    }

    /** A variable the prod profile leaves without a default and nobody checks would fail later, deep in a bean. */
    @Test
    void everyVariableWithoutDefaultInTheProdProfileIsChecked() throws IOException {
        String yaml = new ClassPathResource("application-prod.yaml").getContentAsString(StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+)}").matcher(yaml);
        List<String> withoutDefault = m.results().map(r -> r.group(1)).toList();
        assertThat(withoutDefault).containsExactlyInAnyOrderElementsOf(
            RequiredSettings.PROD.stream().map(RequiredSettings.Setting::variable).collect(Collectors.toList()));
    }

    @Test
    void theReportIsTheFirstProblemOnOneLineAndTheActionListsTheOthers() {
        FailureAnalysis report = new InvalidSettingAnalyzer().analyze(new IllegalStateException(new InvalidSetting(List.of(
            "missing setting TTX_MONGODB_URI (ttx.stores.mongodb.uri)", "missing setting TTX_ISSUER_URI (ttx.identity.issuer-uri)"))));
        assertThat(report.getDescription()).isEqualTo("missing setting TTX_MONGODB_URI (ttx.stores.mongodb.uri)");
        assertThat(report.getAction()).contains("docs/operations.md").contains("Also: missing setting TTX_ISSUER_URI").doesNotContain("\n");
    }

    private static String firstProblem(String variable, String value) {
        Map<String, String> vars = new HashMap<>(COMPLETE);
        vars.put(variable, value);
        List<String> problems = RequiredSettings.problems(binder(environment("prod", vars)), RequiredSettings.PROD);
        assertThat(problems).hasSize(1);
        return problems.getFirst();
    }

    static StandardEnvironment environment(@Nullable String profile, Map<String, String> variables) {
        return ApplicationYaml.environment(profile, variables);
    }

    private static Binder binder(StandardEnvironment env) {
        return Binder.get(env);
    }
}
