package io.ttx.devstack;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.PluginsLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A single-node Elasticsearch started in-process. Modules (netty transport, our analysis module) must live in
 * module folders under es.path.home/modules with their own jars: ES refuses plugin classes from the application
 * class path, and a module jar that is also on the class path trips the jar-hell check.
 */
final class ElasticsearchNode {
    private final DevStackConfig cfg;
    private final Path tmp;

    ElasticsearchNode(DevStackConfig cfg, Path tmp) {
        this.cfg = cfg;
        this.tmp = tmp;
    }

    Node start() throws Exception {
        Path home = cfg.esHome() != null ? cfg.esHome() : distEsHome();
        // ES's native-library lookup reads es.path.home; unset, it fails with a noisy stack trace
        System.setProperty("es.path.home", home.toString());
        Path base = cfg.data() != null ? cfg.data().resolve("es") : tmp.resolve("es");
        Path config = Files.createDirectories(base.resolve("config"));
        Settings settings = Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", Files.createDirectories(base.resolve("data")).toString())
            .put("path.logs", Files.createDirectories(base.resolve("logs")).toString())
            .put("cluster.name", "ttx-devstack")
            .put("node.name", "ttx-devstack")
            .put("network.host", cfg.host())
            .put("http.port", cfg.esPort())
            .put("transport.port", cfg.esTransportPort())
            .put("discovery.type", "single-node")
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .put("action.auto_create_index", false)
            .put("logger.level", cfg.logLevel())
            // no libzstd/libvec outside the ES distribution: ES falls back to Java but logs a stack trace at WARN
            .put("logger.org.elasticsearch.nativeaccess", "ERROR")
            .build();
        LogConfigurator.setNodeName("ttx-devstack");
        LogConfigurator.setClusterName("ttx-devstack");
        LogConfigurator.configureESLogging();
        LogConfigurator.configureWithoutConfig(settings);
        Environment env = new Environment(settings, config);
        PluginsLoader loader = PluginsLoader.createPluginsLoader(
            PluginsLoader.loadModulesBundles(env.modulesDir(), false),
            PluginsLoader.loadPluginsBundles(env.pluginsDir(), false), Map.of(), false);
        return new Node(env, loader).start();
    }

    /** The dist layout: DIST/lib/devstack.jar next to DIST/es/modules/*. */
    private static Path distEsHome() throws Exception {
        Path codeSource = Path.of(DevStack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dist = codeSource.getParent() == null ? null : codeSource.getParent().getParent();
        if (dist != null && Files.isDirectory(dist.resolve("es/modules/transport-netty4"))) return dist.resolve("es");
        throw new IllegalStateException("no Elasticsearch modules: expected DIST/es/modules next to DIST/lib, or --es-home");
    }
}
