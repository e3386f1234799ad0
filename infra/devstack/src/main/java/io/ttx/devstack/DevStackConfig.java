package io.ttx.devstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Options from {@code --name=value} arguments or {@code DEVSTACK_NAME} environment variables (arguments win).
 * <pre>
 *   --host=127.0.0.1 --es-port=9200 --es-transport-port=(es-port+100) --mongo-port=27017 --s3-port=9000
 *   --data=DIR          persistent: DIR/es, DIR/mongo.mv (H2 file), DIR/s3 (filesystem store); omitted: temp/memory
 *   --mongo-store=h2|memory     default h2 (file) with --data, memory without
 *   --s3-data=DIR       filesystem store for S3 even without --data (large objects stay off the heap)
 *   --es-home=DIR       folder holding modules/ (default: the dist's es/ folder)
 *   --s3-access-key=ttx-dev --s3-secret-key=ttx-dev-secret --log-level=WARN
 *   --exit-on-stdin-eof child-process mode: exit when the parent closes our stdin (the parent died)
 * </pre>
 */
record DevStackConfig(String host, int esPort, int esTransportPort, int mongoPort, int s3Port, Path data,
                      String mongoStore, Path s3Data, Path esHome, String s3AccessKey, String s3SecretKey,
                      String logLevel, boolean exitOnStdinEof) {

    static DevStackConfig parse(String[] args) {
        Map<String, String> o = new HashMap<>();
        System.getenv().forEach((k, v) -> {
            if (k.startsWith("DEVSTACK_") && !k.equals("DEVSTACK_JAVA_OPTS")) {
                o.put(k.substring(9).toLowerCase(Locale.ROOT).replace('_', '-'), v);
            }
        });
        for (String a : args) {
            if (!a.startsWith("--")) throw new IllegalArgumentException("unexpected argument " + a);
            int eq = a.indexOf('=');
            o.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "true" : a.substring(eq + 1));
        }
        int es = port(o, "es-port", 9200);
        Path data = path(o.get("data"));
        String store = o.getOrDefault("mongo-store", data == null ? "memory" : "h2");
        if (!store.equals("h2") && !store.equals("memory")) throw new IllegalArgumentException("--mongo-store must be h2 or memory");
        return new DevStackConfig(o.getOrDefault("host", "127.0.0.1"), es, port(o, "es-transport-port", es + 100),
            port(o, "mongo-port", 27017), port(o, "s3-port", 9000), data, store, path(o.get("s3-data")),
            path(o.get("es-home")), o.getOrDefault("s3-access-key", "ttx-dev"), o.getOrDefault("s3-secret-key", "ttx-dev-secret"),
            o.getOrDefault("log-level", "WARN"), Boolean.parseBoolean(o.getOrDefault("exit-on-stdin-eof", "false")));
    }

    private static int port(Map<String, String> o, String key, int fallback) {
        String v = o.get(key);
        try {
            return v == null ? fallback : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a port number, got " + v);
        }
    }

    private static Path path(String v) {
        return v == null || v.isBlank() ? null : Path.of(v).toAbsolutePath().normalize();
    }

    String mode() {
        return data == null ? "memory" : "data:" + data;
    }
}
