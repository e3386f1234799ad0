package io.ttx;

import io.ttx.testsupport.Dockerfile;
import io.ttx.testsupport.EnvironmentBindings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.ttx.testsupport.DeploymentFiles.ROOT;
import static io.ttx.testsupport.DeploymentFiles.defaultOf;
import static io.ttx.testsupport.DeploymentFiles.path;
import static io.ttx.testsupport.DeploymentFiles.pomProperty;
import static io.ttx.testsupport.DeploymentFiles.pomVersion;
import static io.ttx.testsupport.DeploymentFiles.readString;
import static io.ttx.testsupport.DeploymentFiles.yaml;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes files (infra/k8s) checked against the application as DeploymentFilesTests checks compose: the
 * variables the backend gets are ones it binds and include every required one; ports, probe paths and the shutdown
 * time are the application's; the pod runs as the image's user; images agree with compose and the builds.
 */
class KubernetesFilesTests {
    private static final Path K8S = ROOT.resolve("infra/k8s");
    private final Map<String, Object> app = yaml(ROOT.resolve("backend/src/main/resources/application.yaml"));
    private final Map<String, Object> prod = yaml(ROOT.resolve("backend/src/main/resources/application-prod.yaml"));
    private final Map<String, Object> deployment = yaml(K8S.resolve("deployment.yaml"));
    private final Map<String, Object> pod = map(path(deployment, "spec.template.spec"));
    private final Map<String, Object> container = map(((List<?>) pod.get("containers")).getFirst());

    @Test
    void everyVariableTheBackendGetsIsOneTheApplicationBindsAndTheRequiredOnesAreThere() {
        Map<String, Object> configMap = yaml(K8S.resolve("configmap.yaml"));
        Map<String, Object> secret = yaml(K8S.resolve("secret.yaml"));
        Map<String, Object> variables = new HashMap<>(map(configMap.get("data")));
        variables.putAll(map(secret.get("stringData")));
        for (Object env : (List<?>) container.get("env")) variables.put((String) map(env).get("name"), map(env).get("value"));

        EnvironmentBindings bindings = new EnvironmentBindings(List.of("application.yaml", "application-prod.yaml"));
        assertThat(variables.keySet()).filteredOn(v -> !bindings.binds(v)).isEmpty();
        String prodYaml = readString(ROOT.resolve("backend/src/main/resources/application-prod.yaml"));
        List<String> required = new EnvironmentBindings(List.of("application-prod.yaml")).placeholders().stream()
            .filter(v -> !prodYaml.contains("${" + v + ":")).toList();
        assertThat(required).contains("TTX_MONGODB_URI", "TTX_ISSUER_URI");
        assertThat(variables).containsKeys(required.toArray(String[]::new)).containsEntry("SPRING_PROFILES_ACTIVE", "prod");

        assertThat(path(container, "envFrom")).asString()
            .contains("name=" + path(configMap, "metadata.name")).contains("name=" + path(secret, "metadata.name"));
        // a template: no credential in the repository
        assertThat(map(secret.get("stringData")).values()).allSatisfy(v -> assertThat(v).asString().contains("CHANGE_ME"));
    }

    @Test
    void portsProbesAndTheServiceAreTheApplications() {
        Map<String, Integer> ports = new HashMap<>();
        for (Object p : (List<?>) container.get("ports")) ports.put((String) map(p).get("name"), (Integer) map(p).get("containerPort"));
        int api = Integer.parseInt(defaultOf(path(app, "server.port")));
        int management = Integer.parseInt(defaultOf(path(prod, "management.server.port")));
        assertThat(ports).containsExactlyInAnyOrderEntriesOf(Map.of("http", api, "management", management));

        String actuator = Objects.requireNonNullElse((String) path(app, "management.endpoints.web.base-path"), "/actuator");
        Map<String, String> probes = Map.of("startupProbe", "/health/liveness", "livenessProbe", "/health/liveness",
            "readinessProbe", "/health/readiness");
        probes.forEach((probe, health) -> {
            assertThat(path(container, probe + ".httpGet.path")).as(probe).isEqualTo(actuator + health);
            assertThat(ports.get(String.valueOf(path(container, probe + ".httpGet.port")))).as(probe).isEqualTo(management);
        });
        Map<String, Object> annotations = map(path(deployment, "spec.template.metadata.annotations"));
        assertThat(annotations).containsEntry("prometheus.io/port", String.valueOf(management))
            .containsEntry("prometheus.io/path", actuator + "/prometheus");

        Map<String, Object> service = yaml(K8S.resolve("service.yaml"));
        assertThat(path(service, "spec.type")).isEqualTo("ClusterIP");
        assertThat((List<?>) path(service, "spec.ports")).singleElement()
            .satisfies(p -> assertThat(ports.get(String.valueOf(map(p).get("targetPort")))).isEqualTo(api));
    }

    @Test
    void theServiceAutoscalerAndDisruptionBudgetSelectTheDeploymentsPods() {
        Map<String, Object> labels = map(path(deployment, "spec.template.metadata.labels"));
        assertThat(labels).containsAllEntriesOf(map(path(deployment, "spec.selector.matchLabels")));
        assertThat(labels).containsAllEntriesOf(map(path(yaml(K8S.resolve("service.yaml")), "spec.selector")));
        assertThat(labels).containsAllEntriesOf(map(path(yaml(K8S.resolve("pdb.yaml")), "spec.selector.matchLabels")));
        Map<String, Object> hpa = yaml(K8S.resolve("hpa.yaml"));
        assertThat(path(hpa, "spec.scaleTargetRef.name")).isEqualTo(path(deployment, "metadata.name"));
        assertThat((Integer) path(hpa, "spec.minReplicas")).isGreaterThanOrEqualTo(2);
        assertThat(path(deployment, "spec.replicas")).as("the autoscaler owns the count").isNull();
    }

    @Test
    void thePodRunsAsTheImagesUserWithoutPrivilegesOnAReadOnlyRoot() {
        String user = Dockerfile.read(ROOT.resolve("infra/docker/Dockerfile")).lastStage().all("USER").getFirst();
        assertThat(path(pod, "securityContext.runAsNonRoot")).isEqualTo(true);
        assertThat(path(pod, "securityContext.runAsUser") + ":" + path(pod, "securityContext.runAsGroup")).isEqualTo(user);
        assertThat(path(container, "securityContext.allowPrivilegeEscalation")).isEqualTo(false);
        assertThat(path(container, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(path(container, "securityContext.capabilities.drop")).isEqualTo(List.of("ALL"));
        // the application writes temporary files (text extraction): /tmp must be a writable volume
        assertThat(path(container, "volumeMounts")).asString().contains("mountPath=/tmp");
    }

    @Test
    void shutdownWaitsForTheGracefulPhaseAndMemoryIsBounded() {
        assertThat(path(app, "server.shutdown")).isEqualTo("graceful");
        int phase = seconds((String) path(app, "spring.lifecycle.timeout-per-shutdown-phase"));
        List<?> preStop = (List<?>) path(container, "lifecycle.preStop.exec.command");
        int pause = preStop.getFirst().equals("sleep") ? Integer.parseInt((String) preStop.get(1)) : 0;
        assertThat((Integer) pod.get("terminationGracePeriodSeconds")).isGreaterThan(pause + phase);
        assertThat(path(container, "resources.limits.memory")).isNotNull().isEqualTo(path(container, "resources.requests.memory"));
        assertThat(path(container, "resources.requests.cpu")).isNotNull();
    }

    @Test
    void imagesAgreeWithComposeAndTheBuilds() {
        Map<String, Object> compose = yaml(ROOT.resolve("infra/compose/compose.yaml"));
        String backend = "ttx-backend:" + pomVersion();
        assertThat(path(compose, "services.ttx1.image")).isEqualTo(backend);
        assertThat(container.get("image")).isEqualTo(backend);
        Map<String, Object> kustomization = yaml(K8S.resolve("kustomization.yaml"));
        assertThat((List<?>) kustomization.get("images")).singleElement()
            .satisfies(i -> assertThat(map(i)).containsEntry("name", "ttx-backend").containsEntry("newTag", pomVersion()));
        for (Object resource : (List<?>) kustomization.get("resources")) assertThat(K8S.resolve((String) resource)).exists();

        String es = pomProperty("infra/devstack/pom.xml", "es.version");
        Map<String, Object> elasticsearch = yaml(K8S.resolve("engines/elasticsearch.yaml"));
        assertThat(path(elasticsearch, "spec.version")).isEqualTo(es);
        assertThat((String) path(elasticsearch, "spec.image")).endsWith("/ttx-elasticsearch:" + es);
        String mongo = String.valueOf(path(compose, "services.mongo1.image")).replace("mongo:", "");
        assertThat((String) path(yaml(K8S.resolve("engines/mongodb.yaml")), "spec.version")).startsWith(mongo + ".");
    }

    private static int seconds(String duration) {
        Matcher m = Pattern.compile("(\\d+)s").matcher(duration);
        assertThat(m.matches()).as(duration).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }
}
