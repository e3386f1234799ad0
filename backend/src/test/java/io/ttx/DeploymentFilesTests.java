package io.ttx;

import io.ttx.testsupport.Dockerfile;
import io.ttx.testsupport.EnvironmentBindings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.ttx.testsupport.DeploymentFiles.ROOT;
import static io.ttx.testsupport.DeploymentFiles.defaultOf;
import static io.ttx.testsupport.DeploymentFiles.path;
import static io.ttx.testsupport.DeploymentFiles.pomProperty;
import static io.ttx.testsupport.DeploymentFiles.pomVersion;
import static io.ttx.testsupport.DeploymentFiles.readString;
import static io.ttx.testsupport.DeploymentFiles.yaml;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment files (infra/docker, infra/compose) checked against the application without Docker: the variables a
 * TTX container gets are ones the application binds, and the prod profile's required ones are all there; ports and
 * probe paths are the application's; image versions agree with the builds (Java, Elasticsearch, Keycloak, TTX).
 */
class DeploymentFilesTests {
    private static final Path COMPOSE = ROOT.resolve("infra/compose");
    private final Map<String, Map<String, Object>> services = services();
    private final Dockerfile dockerfile = Dockerfile.read(ROOT.resolve("infra/docker/Dockerfile"));
    private final Map<String, Object> app = yaml(ROOT.resolve("backend/src/main/resources/application.yaml"));
    private final Map<String, Object> prod = yaml(ROOT.resolve("backend/src/main/resources/application-prod.yaml"));

    @Test
    void everyVariableOfATtxContainerIsOneTheApplicationBinds() {
        EnvironmentBindings bindings = new EnvironmentBindings(List.of("application.yaml", "application-prod.yaml"));
        assertThat(ttxServices()).containsExactly("ttx1", "ttx2");
        for (String service : ttxServices()) {
            assertThat(environment(service).keySet()).as(service).filteredOn(v -> !bindings.binds(v)).isEmpty();
        }
        assertThat(dockerfile.env().keySet()).as("Dockerfile").filteredOn(v -> !bindings.binds(v)).isEmpty();
    }

    @Test
    void theCheckOfVariablesKnowsRelaxedNamesAndRefusesTypos() {
        EnvironmentBindings bindings = new EnvironmentBindings(List.of("application.yaml", "application-prod.yaml"));
        assertThat(List.of("TTX_MONGODB_URI", "TTX_DOCUMENTS_PUBLIC_ENDPOINT", "TTX_STORES_S3_REGION", "SPRING_PROFILES_ACTIVE",
            "MANAGEMENT_SERVER_PORT", "SPRING_SSL_BUNDLE_PEM_ES_TRUSTSTORE_CERTIFICATE", "JAVA_TOOL_OPTIONS")).allMatch(bindings::binds);
        assertThat(List.of("TTX_MONGO_URL", "TTX_S3_PATHSTYLES", "SPRING_PROFILE_ACTIVE", "TTX_STORES_S3_BUCKETS")).noneMatch(bindings::binds);
    }

    @Test
    void everyTtxContainerGetsEveryRequiredSettingOfTheProdProfile() {
        List<String> required = new EnvironmentBindings(List.of("application-prod.yaml")).placeholders().stream()
            .filter(v -> !readString(ROOT.resolve("backend/src/main/resources/application-prod.yaml")).contains("${" + v + ":")).toList();
        assertThat(required).contains("TTX_MONGODB_URI", "TTX_ISSUER_URI");
        for (String service : ttxServices()) assertThat(environment(service)).as(service).containsKeys(required.toArray(String[]::new));
    }

    @Test
    void portsAndProbePathsAreTheApplications() {
        String port = defaultOf(path(app, "server.port"));
        String management = defaultOf(path(prod, "management.server.port"));
        String actuator = Objects.requireNonNullElse((String) path(app, "management.endpoints.web.base-path"), "/actuator");
        assertThat(path(app, "management.endpoint.health.probes.enabled")).isEqualTo(true);
        assertThat(path(app, "management.endpoint.health.group.readiness.include")).isNotNull();
        assertThat((String) path(app, "management.endpoints.web.exposure.include")).contains("health", "prometheus");

        Dockerfile image = dockerfile.lastStage();
        assertThat(image.all("EXPOSE")).containsExactly(port + " " + management);
        assertThat(image.env()).containsEntry("TTX_PORT", port).containsEntry("TTX_MANAGEMENT_PORT", management);
        assertThat(image.all("HEALTHCHECK")).singleElement().asString()
            .contains("http://127.0.0.1:" + management + actuator + "/health/readiness");

        for (String service : ttxServices()) assertThat(services.get(service)).as(service + " publishes no port").doesNotContainKey("ports");
        String nginx = readString(COMPOSE.resolve("nginx.conf"));
        assertThat(Pattern.compile("server (\\S+);|server (\\S+) ").matcher(nginx).results().map(m -> m.group(m.group(1) != null ? 1 : 2)))
            .containsExactlyElementsOf(ttxServices().stream().map(s -> s + ":" + port).toList());
        Map<String, Object> scrape = firstScrape(yaml(COMPOSE.resolve("prometheus.yml")));
        assertThat(scrape.get("metrics_path")).isEqualTo(actuator + "/prometheus");
        assertThat(((Map<?, ?>) ((List<?>) scrape.get("static_configs")).getFirst()).get("targets"))
            .isEqualTo(ttxServices().stream().map(s -> s + ":" + management).toList());
    }

    @Test
    void theImageRunsTheProdProfileAsAUserWithoutPrivileges() {
        Dockerfile image = dockerfile.lastStage();
        assertThat(image.env()).containsEntry("SPRING_PROFILES_ACTIVE", "prod");
        assertThat(image.all("USER")).singleElement().asString().doesNotStartWith("root").doesNotStartWith("0");
    }

    @Test
    void imageVersionsAgreeWithTheBuilds() {
        List<String> from = dockerfile.all("FROM");
        int buildJdk = feature(from.getFirst(), "eclipse-temurin-(\\d+)");
        int runJre = feature(from.getLast(), "eclipse-temurin:(\\d+)-jre");
        assertThat(buildJdk).isEqualTo(runJre).isEqualTo(25).isGreaterThanOrEqualTo(Integer.parseInt(pomProperty("backend/pom.xml", "java.version")));

        String es = pomProperty("infra/devstack/pom.xml", "es.version");
        assertThat(es).startsWith("9.");
        Dockerfile esImage = Dockerfile.read(ROOT.resolve("infra/docker/elasticsearch/Dockerfile"));
        assertThat(esImage.all("ARG")).contains("ES_VERSION=" + es);
        assertThat(String.join(" ", esImage.all("RUN"))).contains("analysis-smartcn", "analysis-icu");
        for (String node : List.of("es1", "es2", "es3")) {
            assertThat(services.get(node).get("image")).isEqualTo("ttx-elasticsearch:" + es);
            assertThat(path(services.get(node), "build.args.ES_VERSION")).isEqualTo(es);
        }
        assertThat(services.get("es-certs").get("image")).isEqualTo("docker.elastic.co/elasticsearch/elasticsearch:" + es);
        assertThat(services.get("keycloak").get("image")).isEqualTo("quay.io/keycloak/keycloak:" + pomProperty("backend/pom.xml", "keycloak.version"));
        for (String service : ttxServices()) {
            assertThat(services.get(service).get("image")).isEqualTo("ttx-backend:" + pomVersion());
            assertThat(path(services.get(service), "build.dockerfile")).isEqualTo("infra/docker/Dockerfile");
        }
    }

    @Test
    void theClusterShapesAreWhatTheApplicationIsToldOf() {
        String uri = environment("ttx1").get("TTX_MONGODB_URI");
        List<String> members = List.of("mongo1", "mongo2", "mongo3");
        assertThat(uri).contains(members.stream().map(m -> m + ":27017").collect(Collectors.joining(","))).contains("replicaSet=rs0");
        String init = readString(COMPOSE.resolve("mongo/init-replica-set.js"));
        assertThat(init).contains("_id: \"rs0\"");
        members.forEach(m -> assertThat(init).contains("host: \"" + m + ":27017\""));
        assertThat(environment("ttx1").get("TTX_ELASTICSEARCH_URIS")).isEqualTo("https://es1:9200,https://es2:9200,https://es3:9200");
        assertThat(path(services.get("es1"), "environment.cluster.initial_master_nodes")).isEqualTo("es1,es2,es3");
        // every file a service mounts from the repository exists (the realm is another module's, but must be there)
        for (Map<String, Object> service : services.values()) {
            for (Object volume : (List<?>) service.getOrDefault("volumes", List.of())) {
                String source = volume.toString().split(":")[0];
                if (source.startsWith(".")) assertThat(COMPOSE.resolve(source).normalize()).as(volume.toString()).exists();
            }
        }
    }

    private List<String> ttxServices() {
        return services.entrySet().stream().filter(e -> String.valueOf(e.getValue().get("image")).startsWith("ttx-backend:"))
            .map(Map.Entry::getKey).sorted().toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> environment(String service) {
        return ((Map<String, Object>) services.get(service).get("environment")).entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) yaml(COMPOSE.resolve("compose.yaml")).get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstScrape(Map<String, Object> prometheus) {
        return (Map<String, Object>) ((List<?>) prometheus.get("scrape_configs")).getFirst();
    }

    private static int feature(String image, String regex) {
        Matcher m = Pattern.compile(regex).matcher(image);
        assertThat(m.find()).as(image).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
